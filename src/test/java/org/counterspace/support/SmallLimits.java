package org.counterspace.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * One Spring context, shared by the tests of every feature's limits: each per-person limit set low
 * enough to reach in a few requests, and a real server (random port) beside MockMvc for the tests
 * that need Tomcat's own multipart parsing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "counterspace.checkins.check-ins-per-day=" + SmallLimits.CHECK_INS_PER_DAY,
        "counterspace.checkins.import-rows-per-day=" + SmallLimits.IMPORT_ROWS_PER_DAY,
        "counterspace.checkins.import-file-size=" + SmallLimits.IMPORT_MEGABYTES + "MB",
        "counterspace.checkins.previews-held=" + SmallLimits.PREVIEWS_HELD + "B",
        "counterspace.directory.limits.saved-services=" + SmallLimits.SAVED_SERVICES,
        "counterspace.safety.plan-versions-kept=" + SmallLimits.PLAN_VERSIONS_KEPT,
        "spring.servlet.multipart.max-file-size=" + SmallLimits.SERVER_MEGABYTES + "MB",
        "spring.servlet.multipart.max-request-size=" + (SmallLimits.SERVER_MEGABYTES + 1) + "MB" })
@AutoConfigureMockMvc
public @interface SmallLimits {

    int CHECK_INS_PER_DAY = 3;

    int IMPORT_ROWS_PER_DAY = 5;

    int IMPORT_MEGABYTES = 1;

    /** The server-wide multipart limit, which the curators' HSDS upload takes as its own. */
    int SERVER_MEGABYTES = 2;

    /** Characters all Daylio previews may hold together: three of the small test file, not four. */
    int PREVIEWS_HELD = 900;

    int SAVED_SERVICES = 2;

    int PLAN_VERSIONS_KEPT = 3;
}
