package org.counterspace.support;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.web.HttpSecurityCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Signs a browser in as a {@link TestAccounts} account where the app has no login page yet (a
 * feature branch without the account module): {@code @Import(TestSignIn.class)}, then open
 * {@link #path(AccountPrincipal)}. The session it starts is an ordinary Spring Security session.
 */
@TestConfiguration
public class TestSignIn {

    private static final Map<String, AccountPrincipal> WAITING = new ConcurrentHashMap<>();

    /** A one-time path that signs the browser in as this person and redirects to {@code /}. */
    public static String path(AccountPrincipal principal) {
        String token = UUID.randomUUID().toString();
        WAITING.put(token, principal);
        return "/test-only/sign-in?token=" + token;
    }

    @Bean
    HttpSecurityCustomizer testOnlySignInIsPublic() {
        return http -> http.authorizeHttpRequests(auth -> auth.requestMatchers("/test-only/sign-in").permitAll());
    }

    /** A functional endpoint, so component scanning never picks it up in other test contexts. */
    @Bean
    RouterFunction<ServerResponse> testOnlySignIn() {
        return RouterFunctions.route().GET("/test-only/sign-in", request -> {
            AccountPrincipal principal = WAITING.remove(request.param("token").orElse(""));
            if (principal == null) {
                return ServerResponse.notFound().build();
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
            request.servletRequest()
                .getSession(true)
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            return ServerResponse.status(302).location(URI.create("/")).build();
        }).build();
    }
}
