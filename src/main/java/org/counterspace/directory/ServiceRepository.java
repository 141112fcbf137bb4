package org.counterspace.directory;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface ServiceRepository extends JpaRepository<SupportService, UUID>, JpaSpecificationExecutor<SupportService> {

    List<SupportService> findByOrganizationId(UUID organizationId);

    @Query("select distinct s.coverage.timeZone from SupportService s")
    List<ZoneId> distinctTimeZones();

    List<SupportService> findByCoverageTimeZoneIn(List<ZoneId> zones);
}
