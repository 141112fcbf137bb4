package org.counterspace.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An HSDS organization: who provides one or more services. */
@Entity
@Table(name = "dir_organization")
class Organization {

    @Id
    private UUID id;

    private String name;

    private String alternateName;

    private String description;

    private String email;

    private String website;

    private Instant lastModified;

    protected Organization() {
    }

    Organization(UUID id, String name, String description) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.lastModified = Instant.now();
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    String getAlternateName() {
        return alternateName;
    }

    void setAlternateName(String alternateName) {
        this.alternateName = alternateName;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    String getEmail() {
        return email;
    }

    void setEmail(String email) {
        this.email = email;
    }

    String getWebsite() {
        return website;
    }

    void setWebsite(String website) {
        this.website = website;
    }

    Instant getLastModified() {
        return lastModified;
    }

    void touch() {
        this.lastModified = Instant.now();
    }
}
