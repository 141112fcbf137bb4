package org.counterspace.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CheckInRepository extends JpaRepository<CheckIn, UUID> {

    @EntityGraph(attributePaths = "environmentIds")
    Optional<CheckIn> findByIdAndAccountId(UUID id, UUID accountId);

    /** Everything in a period, oldest first, with environments fetched in the same query (trends, summary, export). */
    @Query("""
            select distinct c from CheckIn c left join fetch c.environmentIds
            where c.accountId = :accountId and c.day between :from and :to order by c.day, c.recordedAt""")
    List<CheckIn> between(UUID accountId, LocalDate from, LocalDate to);

    @Query("select c.day, count(c) from CheckIn c where c.accountId = :accountId and c.day between :from and :to group by c.day")
    List<Object[]> countsPerDay(UUID accountId, LocalDate from, LocalDate to);

    long countByAccountId(UUID accountId);

    boolean existsByAccountIdAndDay(UUID accountId, LocalDate day);

    /** How many check-ins were recorded since a moment: those added by imports, or the others. */
    @Query("select count(c) from CheckIn c where c.accountId = :accountId and c.recordedAt >= :since and c.imported = :imported")
    long countRecordedSince(UUID accountId, Instant since, boolean imported);

    /** A period's check-ins with a small win, newest first (the summary shows the latest of them). */
    @Query("""
            select c from CheckIn c where c.accountId = :accountId and c.day between :from and :to
            and c.smallWin is not null order by c.day desc, c.recordedAt desc""")
    Page<CheckIn> withSmallWin(UUID accountId, LocalDate from, LocalDate to, Pageable page);

    /** A period's check-ins marked "to discuss", newest first. */
    @Query("""
            select c from CheckIn c where c.accountId = :accountId and c.day between :from and :to
            and c.toDiscuss = true order by c.day desc, c.recordedAt desc""")
    Page<CheckIn> toDiscuss(UUID accountId, LocalDate from, LocalDate to, Pageable page);

    @Modifying
    @Query("delete from CheckIn c where c.accountId = :accountId")
    void deleteAllOf(UUID accountId);
}
