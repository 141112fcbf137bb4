/**
 * The directory of outside support, shaped on Open Referral HSDS 3. This package holds the HSDS model
 * (services and their parts, organisations, locations, taxonomies, the audit trail), the one way a
 * service is filled ({@link org.counterspace.directory.ServiceDetails} through
 * {@link org.counterspace.directory.ServiceWriter}) and start-up. The feature's parts are internal
 * sub-packages: {@code search} (index, analysis, open now, result cards, the search page),
 * {@code listing} (a service's page, problem reports, suggestions), {@code saved} ("My outside
 * support"), {@code curation} (curator pages, moderation) and {@code hsds} (import, export, API).
 * Other modules use {@link org.counterspace.directory.NationalLines} and
 * {@link org.counterspace.directory.Bookmarks} (with {@link org.counterspace.directory.SavedService}).
 */
@org.springframework.modulith.ApplicationModule
package org.counterspace.directory;
