package org.counterspace.checkin;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WellbeingCheckRepository extends JpaRepository<WellbeingCheck, UUID> {

    List<WellbeingCheck> findByAccountIdOrderByDayAscRecordedAtAsc(UUID accountId);

    @Modifying
    @Query("delete from WellbeingCheck w where w.accountId = :accountId")
    void deleteAllOf(UUID accountId);
}
