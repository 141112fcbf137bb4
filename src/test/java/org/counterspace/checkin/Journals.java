package org.counterspace.checkin;

import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.TestAccounts;
import org.springframework.jdbc.core.JdbcTemplate;

/** People with a journal for tests: an account with the starter counter-environments, as after registration. */
final class Journals {

    private Journals() {
    }

    static AccountPrincipal newPerson(JdbcTemplate jdbc, CheckInService checkins, String namePrefix) {
        AccountPrincipal person = TestAccounts.create(jdbc, namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        checkins.seed(person.id());
        return person;
    }

    /** The id of one of this person's counter-environments, by its name. */
    static UUID environment(CheckInService checkins, AccountPrincipal person, String name) {
        return checkins.environments(person.id()).stream().filter(e -> e.getName().equals(name)).findFirst()
            .orElseThrow().getId();
    }
}
