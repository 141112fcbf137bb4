package org.counterspace.directory;

import java.time.Instant;
import java.util.Objects;
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


    public String getAlternateName() {
        return alternateName;
    }


    public String getDescription() {
        return description;
    }


    public String getEmail() {
        return email;
    }


    public String getWebsite() {
        return website;
    }


    public Instant getLastModified() {
        return lastModified;
    }

    /**
     * What the organization says of itself; last modified only when that changed, so a file read again
     * (or naming the organization for each of its services) changes nothing.
     */
    public void describe(String name, String alternateName, String description, String email, String website) {
        if (!Objects.equals(name, this.name) || !Objects.equals(alternateName, this.alternateName)
                || !Objects.equals(description, this.description) || !Objects.equals(email, this.email)
                || !Objects.equals(website, this.website)) {
            this.name = name;
            this.alternateName = alternateName;
            this.description = description;
            this.email = email;
            this.website = website;
            this.lastModified = Instant.now();
        }
    }
}
