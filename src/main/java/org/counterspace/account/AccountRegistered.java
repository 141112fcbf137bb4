package org.counterspace.account;

import java.util.UUID;

/** Published inside the registration transaction: features may set up a new account's starting data. */
public record AccountRegistered(UUID accountId) {
}
