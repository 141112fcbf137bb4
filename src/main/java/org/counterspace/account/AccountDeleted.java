package org.counterspace.account;

import java.util.UUID;

/**
 * Published inside the deletion transaction, before the account row goes: every feature erases
 * the rows it keeps for this account in a synchronous {@code @EventListener}, so the whole
 * erasure commits or fails as one.
 */
public record AccountDeleted(UUID accountId) {
}
