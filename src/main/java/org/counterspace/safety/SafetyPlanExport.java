package org.counterspace.safety;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.counterspace.account.PersonalDataExporter;
import org.springframework.stereotype.Component;

/** Every version of the safety plan, oldest first, in the account export. */
@Component
class SafetyPlanExport implements PersonalDataExporter {

    private final SafetyPlanService plans;

    SafetyPlanExport(SafetyPlanService plans) {
        this.plans = plans;
    }

    record ExportedVersion(int version, Instant savedAt, Map<String, String> steps) {
    }

    @Override
    public String section() {
        return "safetyPlan";
    }

    @Override
    public List<ExportedVersion> export(UUID accountId) {
        return plans.versions(accountId)
            .stream()
            .sorted(Comparator.comparingInt(SafetyPlanVersion::version))
            .map(v -> new ExportedVersion(v.version(), v.savedAt(), v.content().steps()))
            .toList();
    }
}
