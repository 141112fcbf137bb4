package org.counterspace.directory;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ServiceRepository extends JpaRepository<SupportService, UUID>, JpaSpecificationExecutor<SupportService> {

    List<SupportService> findByOrganizationId(UUID organizationId);

    @Query("select distinct s.timeZone from SupportService s")
    List<String> distinctTimeZones();
}
