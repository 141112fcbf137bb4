package org.counterspace.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After the right password at the sign-in form: the attempt is given back (the limits count
 * failures only). With the second step on, the browser then waits for a code
 * ({@link SecondStepSignInController}); otherwise, and after the code, the sign-in is written to the
 * activity log, the browser becomes a known device of the account, and the page it goes to shows
 * what happened since the last visit, if anything.
 */
@Component
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    /** The model attribute of the "since your last visit" notice (fragments/layout.html shows it). */
    static final String NOTICE = "sinceLastVisit";

    private final SignInAttempts attempts;

    private final ActivityLog activity;

    private final SecondStepService secondStep;

    private final SessionFlashMapManager flash = new SessionFlashMapManager();

    SignInSuccess(SignInAttempts attempts, ActivityLog activity, SecondStepService secondStep) {
        this.attempts = attempts;
        this.activity = activity;
        this.secondStep = secondStep;
        setRedirectStrategy(new PathOnly());
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        if (request.getAttribute(AccountSecurity.SignInLimit.ATTEMPT) instanceof Throttle.Attempt attempt) {
            attempt.refund();
        }
        AccountPrincipal me = (AccountPrincipal) authentication.getPrincipal();
        boolean sharedDevice = KnownDevices.sharedDevice(request);
        if (secondStep.isOn(me.id())) {
            SecondStepSignInController.awaitCode(me, sharedDevice, request, response);
            response.sendRedirect(request.getContextPath() + SecondStepSignInController.PATH);
            return;
        }
        completed(me, authentication, sharedDevice, request, response);
    }

    /**
     * The person is signed in (with the second step too, when it is on). On a browser said to be
     * shared the sign-in is never a visit from a known device, and the browser is not remembered.
     */
    void completed(AccountPrincipal me, Authentication authentication, boolean sharedDevice,
            HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String usernameKey = Usernames.keyOfStored(me.getUsername());
        boolean knownBrowser = !sharedDevice && attempts.knownDevice(usernameKey, request);
        var notice = activity.sinceLastVisit(me.id());
        activity.record(me.id(), knownBrowser ? ActivityLog.Kind.SIGNED_IN : ActivityLog.Kind.SIGNED_IN_NEW_BROWSER);
        attempts.succeeded(usernameKey, sharedDevice, request, response);
        super.onAuthenticationSuccess(request, response, authentication);
        if (notice.isPresent()) {
            FlashMap shown = new FlashMap();
            shown.put(NOTICE, notice.get());
            String target = response.getHeader(HttpHeaders.LOCATION);
            shown.setTargetRequestPath(target == null ? request.getContextPath() + "/"
                    : UriComponentsBuilder.fromUriString(target).build().getPath());
            flash.saveOutputFlashMap(shown, request, response);
        }
    }

    /**
     * The page asked for before signing in is reopened by its path: Spring Security keeps it as an
     * absolute URL built from the {@code Host} that request named, which could be any host.
     */
    static final class PathOnly extends DefaultRedirectStrategy {

        @Override
        protected String calculateRedirectUrl(String contextPath, String url) {
            if (!UrlUtils.isAbsoluteUrl(url)) {
                return super.calculateRedirectUrl(contextPath, url);
            }
            int path = url.indexOf('/', url.indexOf("://") + 3);
            return path < 0 ? contextPath + "/" : url.substring(path);
        }
    }
}
