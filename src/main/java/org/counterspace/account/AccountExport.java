package org.counterspace.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * "Export my data": one JSON document with the account and every feature's part, each under
 * its {@link PersonalDataExporter#section()}. The format is described in docs/account.md.
 */
@Component
class AccountExport {

    static final String FORMAT = "counterspace-export";

    static final int VERSION = 1;

    static final String FILE_NAME = "counterspace-export.json";

    private final AccountService accounts;

    private final ObjectProvider<PersonalDataExporter> exporters;

    private final JsonMapper json;

    private final ActivityLog activity;

    private final SecondStepService secondStep;

    AccountExport(AccountService accounts, ObjectProvider<PersonalDataExporter> exporters, JsonMapper json,
            ActivityLog activity, SecondStepService secondStep) {
        this.accounts = accounts;
        this.exporters = exporters;
        this.json = json;
        this.activity = activity;
        this.secondStep = secondStep;
    }

    record AccountPart(String username, Instant createdAt, String timeZone, boolean discreet,
            Set<String> roles, int recoveryCodesLeft, boolean secondStep, List<ActivityLog.Entry> activity) {
    }

    @Transactional(readOnly = true)
    public byte[] export(UUID accountId) {
        Account account = accounts.find(accountId).orElseThrow();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("exportedAt", Instant.now());
        document.put("account", new AccountPart(account.username(), account.createdAt(), account.timeZone().getId(),
                account.discreet(), account.roles(), accounts.recoveryCodesLeft(accountId), secondStep.isOn(accountId),
                activity.latest(accountId, ActivityLog.KEPT)));
        exporters.orderedStream().forEach(exporter -> document.put(exporter.section(), exporter.export(accountId)));
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }
}
