/**
 * The check-in journal: quick check-ins, a person's counter-environments, history, trends, the
 * WHO-5 wellbeing check, a summary for the next therapy session, and CSV/JSON export and import.
 * It learns about accounts only through the account module's events and principal.
 */
@org.springframework.modulith.ApplicationModule
package org.counterspace.checkin;
