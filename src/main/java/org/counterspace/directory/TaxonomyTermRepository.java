package org.counterspace.directory;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface TaxonomyTermRepository extends JpaRepository<TaxonomyTerm, UUID>, JpaSpecificationExecutor<TaxonomyTerm> {
}
