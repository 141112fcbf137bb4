package org.counterspace.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After a successful sign-in through the form: the attempt is given back (the limits count
 * failures only), the sign-in is written to the activity log, the browser becomes a known device
 * of the account, and the page it goes to shows what happened since the last visit, if anything.
 */
@Component
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    /** The model attribute of the "since your last visit" notice (fragments/layout.html shows it). */
    static final String NOTICE = "sinceLastVisit";

    private final SignInAttempts attempts;

    private final ActivityLog activity;

    private final SessionFlashMapManager flash = new SessionFlashMapManager();

    SignInSuccess(SignInAttempts attempts, ActivityLog activity) {
        this.attempts = attempts;
        this.activity = activity;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        if (request.getAttribute(AccountSecurity.SignInLimit.ATTEMPT) instanceof Throttle.Attempt attempt) {
            attempt.refund();
        }
        AccountPrincipal me = (AccountPrincipal) authentication.getPrincipal();
        String usernameKey = Usernames.keyOfStored(me.getUsername());
        boolean knownBrowser = attempts.knownDevice(usernameKey, request);
        var notice = activity.sinceLastVisit(me.id());
        activity.record(me.id(), knownBrowser ? ActivityLog.Kind.SIGNED_IN : ActivityLog.Kind.SIGNED_IN_NEW_BROWSER);
        attempts.succeeded(usernameKey, request, response);
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
}
