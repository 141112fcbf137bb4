package org.counterspace.checkin;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CounterEnvironmentRepository extends JpaRepository<CounterEnvironment, UUID> {

    List<CounterEnvironment> findByAccountIdOrderByPositionAsc(UUID accountId);

    Optional<CounterEnvironment> findByIdAndAccountId(UUID id, UUID accountId);

    /** How many of these ids name this person's environments (a check on ids, without loading the environments). */
    @Query("select count(e) from CounterEnvironment e where e.accountId = :accountId and e.id in :ids")
    long countOwned(UUID accountId, Collection<UUID> ids);

    @Query("select coalesce(max(e.position), 0) from CounterEnvironment e where e.accountId = :accountId")
    int maxPosition(UUID accountId);

    @Modifying
    @Query("delete from CounterEnvironment e where e.accountId = :accountId")
    void deleteAllOf(UUID accountId);
}
