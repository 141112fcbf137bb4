package org.counterspace.directory.saved;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface BookmarkRepository extends JpaRepository<Bookmark, UUID> {

    List<Bookmark> findByAccountIdOrderByCreatedAtDesc(UUID accountId);

    Optional<Bookmark> findByIdAndAccountId(UUID id, UUID accountId);

    Optional<Bookmark> findByAccountIdAndServiceId(UUID accountId, UUID serviceId);

    long countByAccountId(UUID accountId);

    @Modifying
    @Query("delete from Bookmark b where b.accountId = ?1")
    int deleteByAccount(UUID accountId);
}
