package org.counterspace.account;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.counterspace.web.HttpSecurityCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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
 * fixation), no remember-me, sign-out that ends the session and clears the cookies, and
 * attempt limits in front of the sign-in form.
 */
@Component
class AccountSecurity implements HttpSecurityCustomizer {

    static final String[] PUBLIC = { "/login", "/register", "/recover", "/throttled" };

    private final SessionRegistry sessionRegistry;

    private final Throttle throttle;

    AccountSecurity(SessionRegistry sessionRegistry, Throttle throttle) {
        this.sessionRegistry = sessionRegistry;
        this.throttle = throttle;
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
            .failureHandler(new KeepUsername())
            .permitAll());
        http.logout(logout -> logout
            .logoutUrl("/logout")
            .logoutSuccessUrl("/login?signedout")
            .invalidateHttpSession(true)
            .clearAuthentication(true)
            .deleteCookies("JSESSIONID", "SESSION")
            .addLogoutHandler(new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(Directive.CACHE,
                    Directive.COOKIES, Directive.STORAGE))));
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
        http.addFilterBefore(new SignInLimit(throttle), UsernamePasswordAuthenticationFilter.class);
    }

    static Throttle.Key[] signInKeys(String username, String address) {
        return new Throttle.Key[] { Throttle.Key.name(Throttle.Limit.SIGN_IN_NAME, username),
                new Throttle.Key(Throttle.Limit.SIGN_IN_ADDRESS, address) };
    }

    /** Answers 429 to a sign-in attempt while its username or address has to wait. */
    static final class SignInLimit extends OncePerRequestFilter {

        private final Throttle throttle;

        SignInLimit(Throttle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if ("POST".equals(request.getMethod()) && "/login".equals(path)) {
                Duration wait = throttle.waitFor(signInKeys(request.getParameter("username"), request.getRemoteAddr()));
                if (!wait.isZero()) {
                    ThrottledPage.retryAfter(wait, response);
                    request.setAttribute(ThrottledPage.WAIT_ATTRIBUTE, wait);
                    request.getRequestDispatcher("/throttled").forward(request, response);
                    return;
                }
            }
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
            kept.put("username", username == null ? "" : username.strip().substring(0, Math.min(64, username.strip().length())));
            kept.setTargetRequestPath(request.getContextPath() + "/login");
            flash.saveOutputFlashMap(kept, request, response);
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }
}
