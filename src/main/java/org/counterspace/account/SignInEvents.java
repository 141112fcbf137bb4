package org.counterspace.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Logs every sign-in by account id ("unknown" when no account has the name typed), never the
 * name, password or address. The attempt itself was counted before the password was checked
 * ({@link AccountSecurity.SignInLimit}).
 */
@Component
class SignInEvents {

    private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

    private final AccountRepository accounts;

    SignInEvents(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            log.info("Sign-in succeeded for account {}", principal.id());
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String account = accounts.findByUsername(event.getAuthentication().getName())
            .map(found -> found.getId().toString())
            .orElse("unknown");
        log.info("Sign-in failed for account {}", account);
    }
}
