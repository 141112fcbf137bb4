package org.counterspace.safety;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SafetyPlanRepository extends JpaRepository<SafetyPlanVersion, UUID> {

    Optional<SafetyPlanVersion> findFirstByAccountIdOrderByVersionDesc(UUID accountId);

    List<SafetyPlanVersion> findByAccountIdOrderByVersionDesc(UUID accountId);

    Optional<SafetyPlanVersion> findByIdAndAccountId(UUID id, UUID accountId);

    @Query("select coalesce(max(v.version), 0) from SafetyPlanVersion v where v.accountId = :accountId")
    int latestVersionNumber(@Param("accountId") UUID accountId);

    /** Drops a person's versions numbered up to and including {@code version}. */
    @Modifying
    @Query("delete from SafetyPlanVersion v where v.accountId = :accountId and v.version <= :version")
    int deleteUpTo(@Param("accountId") UUID accountId, @Param("version") int version);

    @Modifying
    @Query("delete from SafetyPlanVersion v where v.accountId = :accountId")
    int deleteByAccountId(@Param("accountId") UUID accountId);
}
