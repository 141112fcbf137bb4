package org.counterspace.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code discreet} is a String, so a tampered value is simply "off" instead of a binding failure. */
public record SettingsForm(@NotBlank(message = "{account.settings.zone.invalid}") @Size(max = 64,
        message = "{account.settings.zone.invalid}") String timeZone, String discreet) {

    SettingsForm(String timeZone, boolean discreet) {
        this(timeZone, discreet ? "true" : null);
    }

    public boolean discreetOn() {
        return "true".equals(discreet);
    }
}
