package org.counterspace.checkin;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SessionSummaryRepository extends JpaRepository<SessionSummary, UUID> {

    Optional<SessionSummary> findFirstByAccountIdOrderByPeriodToDesc(UUID accountId);

    @Modifying
    @Query("delete from SessionSummary s where s.accountId = :accountId")
    void deleteAllOf(UUID accountId);
}
