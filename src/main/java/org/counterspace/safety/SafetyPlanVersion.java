package org.counterspace.safety;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One saved version of a person's safety plan. Versions are never changed once saved. */
@Entity
@Table(name = "safety_plan_version")
class SafetyPlanVersion {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(name = "saved_at", nullable = false, updatable = false)
    private Instant savedAt;

    private String warningSigns;

    private String onMyOwn;

    private String counterSpaces;

    private String peopleToAsk;

    private String professionals;

    private String saferSituation;

    private String whatMatters;

    protected SafetyPlanVersion() {
    }

    SafetyPlanVersion(UUID accountId, int version, Instant savedAt, SafetyPlanForm plan) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.version = version;
        this.savedAt = savedAt;
        this.warningSigns = plan.warningSigns();
        this.onMyOwn = plan.onMyOwn();
        this.counterSpaces = plan.counterSpaces();
        this.peopleToAsk = plan.peopleToAsk();
        this.professionals = plan.professionals();
        this.saferSituation = plan.saferSituation();
        this.whatMatters = plan.whatMatters();
    }

    UUID id() {
        return id;
    }

    int version() {
        return version;
    }

    Instant savedAt() {
        return savedAt;
    }

    SafetyPlanForm content() {
        return new SafetyPlanForm(warningSigns, onMyOwn, counterSpaces, peopleToAsk, professionals, saferSituation,
                whatMatters);
    }
}
