package org.counterspace.directory;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditRepository extends JpaRepository<AuditEntry, UUID> {

    Page<AuditEntry> findAllByOrderByChangedAtDesc(Pageable pageable);
}
