package org.counterspace.directory;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface TaxonomyRepository extends JpaRepository<Taxonomy, UUID>, JpaSpecificationExecutor<Taxonomy> {
}
