package org.counterspace.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The forms that ask for the current password again (a new password, new recovery codes, deleting
 * the account) take their attempts from the sign-in limits, under the same keys ({@link SignInAttempts}):
 * someone holding a signed-in device gets no more guesses than someone at the sign-in page. When a
 * wrong password uses the last attempt allowed, or none is left, this browser is signed out.
 */
@Component
class Reauthentication {

    private static final Logger log = LoggerFactory.getLogger(Reauthentication.class);

    /** Where a browser signed out for too many wrong passwords goes; the page says why. */
    static final String SIGNED_OUT_PAGE = "redirect:/login?reauthlimit";

    enum Outcome {
        CONFIRMED, WRONG, SIGNED_OUT
    }

    private final AccountService accounts;

    private final AccountSessions sessions;

    private final SignInAttempts attempts;

    private final ActivityLog activity;

    Reauthentication(AccountService accounts, AccountSessions sessions, SignInAttempts attempts, ActivityLog activity) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.attempts = attempts;
        this.activity = activity;
    }

    /** The password is hashed only when an attempt is left; a right one gives its attempt back. */
    Outcome confirm(AccountPrincipal me, String currentPassword, HttpServletRequest request) throws ServletException {
        Throttle.Attempt attempt = attempts.take(Usernames.keyOfStored(me.getUsername()), false, request);
        if (attempt.allowed()) {
            if (accounts.passwordMatches(me.id(), currentPassword)) {
                attempt.refund();
                return Outcome.CONFIRMED;
            }
            activity.record(me.id(), ActivityLog.Kind.WRONG_CURRENT_PASSWORD);
        }
        if (attempt.allowed() && !attempt.wasLast()) {
            return Outcome.WRONG;
        }
        sessions.signOutHere(request);
        log.info("Account {} was signed out after too many wrong current passwords", me.id());
        return Outcome.SIGNED_OUT;
    }
}
