package org.counterspace.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs every sign-in by account id ("unknown" when no account has the name typed), never the
 * name, password or address, and counts failures against the username and address limits.
 */
@Component
class SignInEvents {

    private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

    private final AccountRepository accounts;

    private final Throttle throttle;

    SignInEvents(AccountRepository accounts, Throttle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            log.info("Sign-in succeeded for account {}", principal.id());
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String username = attempt.getName();
        String account = username == null || username.length() > 64 ? "unknown"
                : accounts.findByUsername(username.strip()).map(a -> a.getId().toString()).orElse("unknown");
        log.info("Sign-in failed for account {}", account);
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        throttle.count(AccountSecurity.signInKeys(username, address));
    }
}
