/**
 * The check-in journal: quick check-ins, a person's counter-environments, history, trends, the
 * WHO-5 wellbeing check, a summary for the next therapy session, and CSV/JSON export and import.
 * It learns about accounts only through the account module's events and principal. Other features
 * read where the journal stands today through {@link org.counterspace.checkin.CheckInToday}, and a
 * person's counter-environments by name through {@link org.counterspace.checkin.CounterEnvironments}.
 */
@org.springframework.modulith.ApplicationModule
package org.counterspace.checkin;
