package org.counterspace.directory;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An HSDS taxonomy term; our own categories are terms of the Counterspace taxonomy. */
@Entity
@Table(name = "dir_taxonomy_term")
public class TaxonomyTerm {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "taxonomy_id")
    private Taxonomy taxonomy;

    private UUID parentId;

    private String code;

    private String name;

    private String description;

    private String termUri;

    protected TaxonomyTerm() {
    }

    public TaxonomyTerm(UUID id, Taxonomy taxonomy, UUID parentId, String code, String name, String description) {
        this.id = id;
        this.taxonomy = taxonomy;
        this.parentId = parentId;
        this.code = code;
        this.name = name;
        this.description = description;
    }

    public UUID getId() {
        return id;
    }

    public Taxonomy getTaxonomy() {
        return taxonomy;
    }

    public UUID getParentId() {
        return parentId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getTermUri() {
        return termUri;
    }

    public void setTermUri(String termUri) {
        this.termUri = termUri;
    }
}
