package org.counterspace.directory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganizationRepository extends JpaRepository<Organization, UUID> {

    Page<Organization> findByNameContainingIgnoreCase(String name, Pageable pageable);

    Optional<Organization> findFirstByNameIgnoreCase(String name);
}
