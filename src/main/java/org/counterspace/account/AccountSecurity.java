package org.counterspace.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.counterspace.web.HttpSecurityCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter.Directive;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Sign-in, sign-out and sessions: a custom sign-in page, a new session id at sign-in (no
 * fixation), no remember-me, sign-out that ends the session and clears its cookies, and
 * attempt limits in front of the sign-in form.
 */
@Component
class AccountSecurity implements HttpSecurityCustomizer {

    static final String[] PUBLIC = { "/login", "/login/second-step", "/register", "/recover", "/throttled" };

    private final SessionRegistry sessionRegistry;

    private final SignInAttempts attempts;

    private final SignInSuccess success;

    AccountSecurity(SessionRegistry sessionRegistry, SignInAttempts attempts, SignInSuccess success) {
        this.sessionRegistry = sessionRegistry;
        this.attempts = attempts;
        this.success = success;
    }

    @Override
    public void customize(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
            .requestMatchers(PUBLIC).permitAll()
            .requestMatchers("/admin/curators", "/admin/curators/**").hasRole("ADMIN"));
        http.formLogin(form -> form
            .loginPage("/login")
            .usernameParameter("username")
            .passwordParameter("password")
            .successHandler(success)
            .failureHandler(new KeepUsername())
            .permitAll());
        http.logout(logout -> logout
            .logoutUrl("/logout")
            .logoutSuccessUrl("/login?signedout")
            .invalidateHttpSession(true)
            .clearAuthentication(true)
            .deleteCookies("JSESSIONID", "SESSION")
            // Not every cookie: the known-device cookie stays, or signing out would make the owner's
            // own browser a stranger to the sign-in limits (the quick exit does clear it).
            .addLogoutHandler(new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(Directive.CACHE,
                    Directive.STORAGE))));
        http.sessionManagement(session -> session
            .sessionFixation(fixation -> fixation.changeSessionId())
            .sessionConcurrency(concurrency -> concurrency
                .maximumSessions(-1)
                .sessionRegistry(sessionRegistry)
                .expiredUrl("/login?ended")));
        // People are sent to the sign-in page; machines calling the actuator get a plain 401.
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(DelegatingAuthenticationEntryPoint
            .builder()
            .addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                    PathPatternRequestMatcher.pathPattern("/actuator/**"))
            .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
            .build()));
        http.addFilterBefore(new SignInLimit(attempts), UsernamePasswordAuthenticationFilter.class);
    }

    /**
     * Takes one attempt from the limits {@link SignInAttempts} chooses before the password is
     * looked at (429 while one has to wait). A name that cannot be a username (a control
     * character in it, see {@link Usernames}) is refused like a wrong password, counted against the
     * address only, without a look-up or a hash.
     */
    static final class SignInLimit extends OncePerRequestFilter {

        private static final Logger log = LoggerFactory.getLogger(SignInLimit.class);

        static final String ATTEMPT = SignInLimit.class.getName() + ".attempt";

        private final SignInAttempts attempts;

        private final AuthenticationFailureHandler failure = new KeepUsername();

        SignInLimit(SignInAttempts attempts) {
            this.attempts = attempts;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return !("POST".equals(request.getMethod()) && "/login".equals(path));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<String> name = Usernames.key(request.getParameter("username"));
            Throttle.Attempt attempt = name.map(key -> attempts.take(key, KnownDevices.sharedDevice(request), request))
                .orElseGet(() -> attempts.takeWithoutName(request));
            if (!attempt.allowed()) {
                ThrottledPage.retryAfter(attempt.waitFor(), response);
                request.setAttribute(ThrottledPage.WAIT_ATTRIBUTE, attempt.waitFor());
                request.getRequestDispatcher("/throttled").forward(request, response);
                return;
            }
            if (name.isEmpty()) {
                log.info("Sign-in failed for account unknown");
                failure.onAuthenticationFailure(request, response, new BadCredentialsException("not a username"));
                return;
            }
            request.setAttribute(ATTEMPT, attempt);
            chain.doFilter(request, response);
        }
    }

    /** After a failed sign-in the form shows the username again, kept in the session, never in the URL. */
    static final class KeepUsername implements AuthenticationFailureHandler {

        private final SessionFlashMapManager flash = new SessionFlashMapManager();

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) throws IOException {
            String username = request.getParameter("username");
            FlashMap kept = new FlashMap();
            kept.put("username", Usernames.key(username).isPresent() ? username.strip() : "");
            kept.put("sharedDevice", KnownDevices.sharedDevice(request));
            kept.setTargetRequestPath(request.getContextPath() + "/login");
            flash.saveOutputFlashMap(kept, request, response);
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }
}
