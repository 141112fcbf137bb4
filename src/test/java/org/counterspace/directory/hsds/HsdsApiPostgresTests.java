package org.counterspace.directory.hsds;

import org.counterspace.support.OnPostgres;

/**
 * The HSDS API's tests on PostgreSQL: its filters are criteria queries (distance arithmetic,
 * subqueries, {@code replace} and {@code like} with an escape) that each database plans its own way.
 */
@OnPostgres
class HsdsApiPostgresTests extends HsdsApiTests {
}
