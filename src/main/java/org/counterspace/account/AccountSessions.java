package org.counterspace.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The sessions of an account: signing in from code (after registration), refreshing the
 * principal after a settings change, signing this browser out, and ending the other sessions after
 * a password change, recovery or a role being revoked. Sessions are found through Spring Security's
 * {@link SessionRegistry}: in memory by default, and in the {@code postgres} profile backed by
 * Spring Session's {@link FindByIndexNameSessionRepository}, so it reaches every instance.
 */
@Component
class AccountSessions {

    private final SessionRegistry registry;

    private final ActivityLog activity;

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountSessions(SessionRegistry registry, ActivityLog activity) {
        this.registry = registry;
        this.activity = activity;
    }

    /** Signs the person in on this request, under a new session id (no fixation). */
    void signIn(AccountPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        request.getSession();
        request.changeSessionId();
        replacePrincipal(principal, request, response);
        registry.registerNewSession(request.getSession().getId(), principal);
    }

    /** Puts the updated principal in the security context so every page sees the change at once. */
    void replacePrincipal(AccountPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        principal.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Signs this browser out: the session ends and the sign-out handlers clear its cookies. */
    void signOutHere(HttpServletRequest request) throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /**
     * Ends every session of the account except {@code keepSessionId} (null ends them all); the
     * owner finds it in the activity log when any was ended.
     */
    void endSessions(AccountPrincipal principal, String keepSessionId) {
        int ended = 0;
        for (SessionInformation session : registry.getAllSessions(principal, false)) {
            if (!session.getSessionId().equals(keepSessionId)) {
                session.expireNow();
                ended++;
            }
        }
        if (ended > 0) {
            activity.record(principal.id(), ActivityLog.Kind.SESSIONS_ENDED);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("!postgres")
    static class InMemory {

        @Bean
        SessionRegistry sessionRegistry() {
            return new SessionRegistryImpl();
        }

        /** Tells the registry when the servlet container drops a session, so it never grows stale. */
        @Bean
        static HttpSessionEventPublisher httpSessionEventPublisher() {
            return new HttpSessionEventPublisher();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("postgres")
    static class Shared {

        @Bean
        <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
            return new SpringSessionBackedSessionRegistry<>(sessions);
        }
    }
}
