package org.counterspace.directory;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TaxonomyRepository extends JpaRepository<Taxonomy, UUID> {
}
