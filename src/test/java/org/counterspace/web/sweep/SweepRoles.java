package org.counterspace.web.sweep;

import java.util.Optional;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.TestAccounts;
import org.counterspace.web.sweep.SweepEndpoint.Role;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The person and the curator the sweep acts as; anonymous is nobody. */
record SweepRoles(AccountPrincipal person, AccountPrincipal curator) {

    Optional<RequestPostProcessor> as(Role role) {
        return switch (role) {
            case ANONYMOUS -> Optional.empty();
            case PERSON -> Optional.of(TestAccounts.as(person));
            case CURATOR -> Optional.of(TestAccounts.as(curator));
        };
    }

    /** The username a form's username field gets: the person's when signed in, a new one otherwise. */
    String username(Role role) {
        return role == Role.ANONYMOUS ? null : person.getUsername();
    }

    AccountPrincipal principal(Role role) {
        return role == Role.CURATOR ? curator : role == Role.PERSON ? person : null;
    }
}
