package org.counterspace.checkin;

import java.time.LocalDate;

/**
 * Counter-environment moments (one per environment a check-in names) since Monday, since the first
 * of the month and in all time. Each count carries the day it starts from, because a week that began
 * last month can hold more moments than "this month" does, and that only makes sense with the dates.
 */
public record Accumulated(LocalDate weekFrom, long week, LocalDate monthFrom, long month, long allTime) {
}
