/**
 * The directory of outside support, shaped on Open Referral HSDS 3: search, service pages,
 * bookmarks ("My outside support"), problem reports, curation, HSDS import/export and API.
 * Other modules use {@link org.counterspace.directory.NationalLines} and
 * {@link org.counterspace.directory.Bookmarks}.
 */
@org.springframework.modulith.ApplicationModule
package org.counterspace.directory;
