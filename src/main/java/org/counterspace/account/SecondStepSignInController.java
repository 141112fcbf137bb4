package org.counterspace.account;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The second step of signing in, for accounts that turned it on: after the right password the
 * browser is not signed in yet, only waiting (at most {@link #WAIT}) for a code from the
 * authenticator app or a recovery code. Codes count against the same limits as passwords.
 */
@Controller
class SecondStepSignInController {

    private static final Logger log = LoggerFactory.getLogger(SecondStepSignInController.class);

    static final String PATH = "/login/second-step";

    static final Duration WAIT = Duration.ofMinutes(5);

    private static final String PENDING = SecondStepSignInController.class.getName() + ".pending";

    /** Where the sign-in form keeps the signed-in context (Spring Security's default for it). */
    private static final SecurityContextRepository CONTEXTS = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    /** Who is waiting for their second step in this session, and until when. */
    record Pending(UUID accountId, String usernameKey, boolean sharedDevice, Instant until) implements Serializable {
    }

    private final SecondStepService secondStep;

    private final AccountService accounts;

    private final AccountSessions sessions;

    private final SignInAttempts attempts;

    private final SignInSuccess success;

    SecondStepSignInController(SecondStepService secondStep, AccountService accounts, AccountSessions sessions,
            SignInAttempts attempts, SignInSuccess success) {
        this.secondStep = secondStep;
        this.accounts = accounts;
        this.sessions = sessions;
        this.attempts = attempts;
        this.success = success;
    }

    /**
     * After the right password: the sign-in form has already stored the signed-in context, so an
     * empty one replaces it, in the session and in the request, and this session only waits for the code.
     */
    static void awaitCode(AccountPrincipal me, boolean sharedDevice, HttpServletRequest request,
            HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        CONTEXTS.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        request.getSession().setAttribute(PENDING,
                new Pending(me.id(), Usernames.keyOfStored(me.getUsername()), sharedDevice, Instant.now().plus(WAIT)));
    }

    private static Optional<Pending> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session)
            .map(found -> found.getAttribute(PENDING))
            .filter(Pending.class::isInstance)
            .map(Pending.class::cast)
            .filter(waiting -> waiting.until().isAfter(Instant.now()));
    }

    @GetMapping(PATH)
    String form(HttpServletRequest request, Model model) {
        if (pending(request).isEmpty()) {
            return "redirect:/login";
        }
        model.addAttribute("form", SecondStepCodeForm.empty());
        return "account/second-step-sign-in";
    }

    @PostMapping(PATH)
    ModelAndView check(@Valid @ModelAttribute("form") SecondStepCodeForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<Pending> pending = pending(request);
        if (pending.isEmpty()) {
            return new ModelAndView("redirect:/login");
        }
        if (result.hasErrors()) {
            return new ModelAndView("account/second-step-sign-in");
        }
        Throttle.Attempt attempt = attempts.take(pending.get().usernameKey(), pending.get().sharedDevice(), request);
        if (!attempt.allowed()) {
            return ThrottledPage.of(attempt.waitFor(), response);
        }
        SecondStepService.Check check = secondStep.check(pending.get().accountId(), form.code());
        if (check == SecondStepService.Check.WRONG) {
            log.info("Second step failed for account {}", pending.get().accountId());
            result.rejectValue("code", "account.secondstep.code.wrong");
            return new ModelAndView("account/second-step-sign-in");
        }
        attempt.refund();
        request.getSession().removeAttribute(PENDING);
        AccountPrincipal me = accounts.find(pending.get().accountId()).orElseThrow().toPrincipal();
        sessions.signIn(me, request, response);
        log.info("Second step passed for account {} with {}", me.id(), check == SecondStepService.Check.RECOVERY_CODE
                ? "a recovery code" : "an authenticator code");
        success.completed(me, SecurityContextHolder.getContext().getAuthentication(), pending.get().sharedDevice(),
                request, response);
        return null;
    }
}
