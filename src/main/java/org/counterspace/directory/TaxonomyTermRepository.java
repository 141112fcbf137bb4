package org.counterspace.directory;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaxonomyTermRepository extends JpaRepository<TaxonomyTerm, UUID> {

    Page<TaxonomyTerm> findByTaxonomyId(UUID taxonomyId, Pageable pageable);

    Page<TaxonomyTerm> findByParentId(UUID parentId, Pageable pageable);

    Page<TaxonomyTerm> findByParentIdIsNull(Pageable pageable);

    Page<TaxonomyTerm> findByTaxonomyIdAndParentIdIsNull(UUID taxonomyId, Pageable pageable);
}
