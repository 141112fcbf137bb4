package org.counterspace.directory;

import java.util.UUID;

/**
 * A saved service, as other features may show it.
 *
 * @param phone the first voice number, or null
 * @param url the service page on this site
 */
public record SavedService(UUID serviceId, String name, String phone, String url) {
}
