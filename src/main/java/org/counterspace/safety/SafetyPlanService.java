package org.counterspace.safety;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.counterspace.account.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safety plans: every save adds a version, and the oldest beyond {@link SafetyProperties#planVersionsKept()}
 * are dropped (a save is never refused: the plan matters more than its history). Every read is
 * scoped to its owner.
 */
@Service
@Transactional(readOnly = true)
class SafetyPlanService {

    private final SafetyPlanRepository versions;

    private final int kept;

    SafetyPlanService(SafetyPlanRepository versions, SafetyProperties properties) {
        this.versions = versions;
        this.kept = Math.max(1, properties.planVersionsKept());
    }

    int versionsKept() {
        return kept;
    }

    Optional<SafetyPlanVersion> latest(UUID owner) {
        return versions.findFirstByAccountIdOrderByVersionDesc(owner);
    }

    /** Newest first. */
    List<SafetyPlanVersion> versions(UUID owner) {
        return versions.findByAccountIdOrderByVersionDesc(owner);
    }

    Optional<SafetyPlanVersion> version(UUID owner, UUID id) {
        return versions.findByIdAndAccountId(id, owner);
    }

    /**
     * Saves the plan as the owner's next version. Two saves racing for the same number fail on the
     * unique (account, version) constraint rather than overwrite each other.
     */
    @Transactional
    SafetyPlanVersion save(UUID owner, SafetyPlanForm plan) {
        int next = versions.latestVersionNumber(owner) + 1;
        SafetyPlanVersion saved = versions.saveAndFlush(new SafetyPlanVersion(owner, next, Instant.now(), plan));
        versions.deleteUpTo(owner, next - kept);
        return saved;
    }

    /** Synchronous, inside the account deletion's transaction: the erasure commits or fails with it. */
    @EventListener
    @Transactional
    void erase(AccountDeleted deleted) {
        versions.deleteByAccountId(deleted.accountId());
    }
}
