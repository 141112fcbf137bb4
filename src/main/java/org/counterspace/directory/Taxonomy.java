package org.counterspace.directory;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An HSDS taxonomy: a vocabulary of terms that classify services. */
@Entity
@Table(name = "dir_taxonomy")
public class Taxonomy {

    @Id
    private UUID id;

    private String name;

    private String description;

    private String uri;

    private String version;

    protected Taxonomy() {
    }

    public Taxonomy(UUID id, String name, String description, String uri, String version) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.uri = uri;
        this.version = version;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getUri() {
        return uri;
    }

    public String getVersion() {
        return version;
    }
}
