package org.counterspace.account;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Logs every sign-in by account id ("unknown" when no account has the name typed), never the
 * name, password or address, and writes a failed one to the account's activity log, which its
 * owner sees. The attempt itself was counted before the password was checked
 * ({@link AccountSecurity.SignInLimit}); a successful one is written by {@link SignInSuccess}.
 */
@Component
class SignInEvents {

    private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

    private final AccountRepository accounts;

    private final ActivityLog activity;

    SignInEvents(AccountRepository accounts, ActivityLog activity) {
        this.accounts = accounts;
        this.activity = activity;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            log.info("Sign-in succeeded for account {}", principal.id());
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Optional<UUID> account = accounts.findByUsername(event.getAuthentication().getName()).map(Account::getId);
        log.info("Sign-in failed for account {}", account.map(UUID::toString).orElse("unknown"));
        account.ifPresent(id -> activity.record(id, ActivityLog.Kind.SIGN_IN_FAILED));
    }
}
