package org.counterspace.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ServiceRepository extends JpaRepository<SupportService, UUID> {

    Page<SupportService> findByLastModifiedAfter(Instant after, Pageable pageable);

    Page<SupportService> findByOrganizationId(UUID organizationId, Pageable pageable);

    List<SupportService> findByOrganizationId(UUID organizationId);

    @Query("select s from SupportService s join s.terms t where t.id = ?1")
    Page<SupportService> findByTermId(UUID termId, Pageable pageable);

    @Query("select s from SupportService s join s.terms t where t.taxonomy.id = ?1")
    Page<SupportService> findByTaxonomyId(UUID taxonomyId, Pageable pageable);

    @Query("select distinct s.timeZone from SupportService s")
    List<String> distinctTimeZones();

    long countByStatus(String status);
}
