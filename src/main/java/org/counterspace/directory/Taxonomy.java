package org.counterspace.directory;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An HSDS taxonomy: a vocabulary of terms that classify services. */
@Entity
@Table(name = "dir_taxonomy")
class Taxonomy {

    @Id
    private UUID id;

    private String name;

    private String description;

    private String uri;

    private String version;

    protected Taxonomy() {
    }

    Taxonomy(UUID id, String name, String description, String uri, String version) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.uri = uri;
        this.version = version;
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getDescription() {
        return description;
    }

    String getUri() {
        return uri;
    }

    String getVersion() {
        return version;
    }
}
