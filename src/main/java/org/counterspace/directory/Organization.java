package org.counterspace.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An HSDS organization: who provides one or more services. */
@Entity
@Table(name = "dir_organization")
public class Organization {

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

    public Organization(UUID id, String name, String description) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.lastModified = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAlternateName() {
        return alternateName;
    }

    public void setAlternateName(String alternateName) {
        this.alternateName = alternateName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public Instant getLastModified() {
        return lastModified;
    }

    public void touch() {
        this.lastModified = Instant.now();
    }
}
