package org.counterspace.checkin;

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

    @Query(value = """
            select c from CheckIn c where c.accountId = :accountId and c.day between :from and :to
            order by c.day desc, c.recordedAt desc""",
            countQuery = "select count(c) from CheckIn c where c.accountId = :accountId and c.day between :from and :to")
    Page<CheckIn> history(UUID accountId, LocalDate from, LocalDate to, Pageable page);

    @Query(value = """
            select c from CheckIn c where c.accountId = :accountId and c.day between :from and :to
            and :environmentId member of c.environmentIds order by c.day desc, c.recordedAt desc""",
            countQuery = """
            select count(c) from CheckIn c where c.accountId = :accountId and c.day between :from and :to
            and :environmentId member of c.environmentIds""")
    Page<CheckIn> history(UUID accountId, LocalDate from, LocalDate to, UUID environmentId, Pageable page);

    /** Everything in a period, oldest first, with environments fetched in the same query (trends, summary, export). */
    @Query("""
            select distinct c from CheckIn c left join fetch c.environmentIds
            where c.accountId = :accountId and c.day between :from and :to order by c.day, c.recordedAt""")
    List<CheckIn> between(UUID accountId, LocalDate from, LocalDate to);

    @Query("select c.day, count(c) from CheckIn c where c.accountId = :accountId and c.day between :from and :to group by c.day")
    List<Object[]> countsPerDay(UUID accountId, LocalDate from, LocalDate to);

    /** Counter-environment moments: one per environment named in a check-in. */
    @Query("select count(e) from CheckIn c join c.environmentIds e where c.accountId = :accountId and c.day between :from and :to")
    long moments(UUID accountId, LocalDate from, LocalDate to);

    @EntityGraph(attributePaths = "environmentIds")
    Optional<CheckIn> findFirstByAccountIdOrderByDayDescRecordedAtDesc(UUID accountId);

    long countByAccountId(UUID accountId);

    @Modifying
    @Query("delete from CheckIn c where c.accountId = :accountId")
    void deleteAllOf(UUID accountId);
}
