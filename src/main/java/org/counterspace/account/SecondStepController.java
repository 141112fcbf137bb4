package org.counterspace.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Turning the optional second step on (a new secret shown as a QR code drawn here, confirmed with
 * the app's first code and the current password) and off (the current password and a code).
 */
@Controller
class SecondStepController {

    private static final Logger log = LoggerFactory.getLogger(SecondStepController.class);

    static final String PAGE = "account/second-step";

    /** The secret being set up, kept in the session until the app's first code confirms it. */
    private static final String NEW_SECRET = SecondStepController.class.getName() + ".secret";

    private final SecondStepService secondStep;

    private final Reauthentication reauthentication;

    private final SignInAttempts attempts;

    private final AccountSessions sessions;

    private final MessageSource messages;

    SecondStepController(SecondStepService secondStep, Reauthentication reauthentication, SignInAttempts attempts,
            AccountSessions sessions, MessageSource messages) {
        this.secondStep = secondStep;
        this.reauthentication = reauthentication;
        this.attempts = attempts;
        this.sessions = sessions;
        this.messages = messages;
    }

    @GetMapping("/account/second-step")
    String page(@AuthenticationPrincipal AccountPrincipal me, HttpSession session, Model model) {
        model.addAttribute("form", SecondStepChangeForm.empty());
        return shown(me, session, model);
    }

    /** The page: the way to turn it off when it is on, otherwise the setup with a secret kept until confirmed. */
    private String shown(AccountPrincipal me, HttpSession session, Model model) {
        boolean on = secondStep.isOn(me.id());
        model.addAttribute("on", on);
        if (!on) {
            if (!(session.getAttribute(NEW_SECRET) instanceof String)) {
                session.setAttribute(NEW_SECRET, secondStep.newSecret());
            }
            String secret = (String) session.getAttribute(NEW_SECRET);
            model.addAttribute("qrCode", QrCodeSvg.of(secondStep.setupLink(secret),
                    messages.getMessage("account.secondstep.qr.label", null, LocaleContextHolder.getLocale())));
            model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        }
        return PAGE;
    }

    @PostMapping("/account/second-step/on")
    String turnOn(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") SecondStepChangeForm form,
            BindingResult result, HttpServletRequest request, HttpSession session, Model model,
            RedirectAttributes redirect) throws ServletException {
        if (!(session.getAttribute(NEW_SECRET) instanceof String secret)) {
            if (secondStep.isOn(me.id())) {
                return "redirect:/account/second-step";
            }
            // The key shown before is gone (the page was opened in another session): say so, with a new one.
            result.rejectValue("code", "account.secondstep.setup.newKey");
            return shown(me, session, model);
        }
        if (result.hasErrors()) {
            return shown(me, session, model);
        }
        Reauthentication.Outcome outcome = reauthentication.confirm(me, form.currentPassword(), request);
        if (outcome != Reauthentication.Outcome.CONFIRMED) {
            return notConfirmed(outcome, result, me, session, model);
        }
        if (!secondStep.turnOn(me.id(), secret, form.code())) {
            result.rejectValue("code", "account.secondstep.setup.wrong");
            return shown(me, session, model);
        }
        session.removeAttribute(NEW_SECRET);
        log.info("Account {} turned the second step on", me.id());
        redirect.addFlashAttribute("notice", "account.secondstep.turnedOn");
        return "redirect:/account/second-step";
    }

    @PostMapping("/account/second-step/off")
    String turnOff(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") SecondStepChangeForm form,
            BindingResult result, HttpServletRequest request, HttpSession session, Model model,
            RedirectAttributes redirect) throws ServletException {
        if (result.hasErrors()) {
            return shown(me, session, model);
        }
        Reauthentication.Outcome outcome = reauthentication.confirm(me, form.currentPassword(), request);
        if (outcome != Reauthentication.Outcome.CONFIRMED) {
            return notConfirmed(outcome, result, me, session, model);
        }
        // The password was right; the code is a guess of its own and counts like one.
        Throttle.Attempt attempt = attempts.take(Usernames.keyOfStored(me.getUsername()), false, request);
        if (!attempt.allowed()) {
            sessions.signOutHere(request);
            return Reauthentication.SIGNED_OUT_PAGE;
        }
        if (secondStep.check(me.id(), form.code()) == SecondStepService.Check.WRONG) {
            result.rejectValue("code", "account.secondstep.code.wrong");
            return shown(me, session, model);
        }
        attempt.refund();
        secondStep.turnOff(me.id());
        log.info("Account {} turned the second step off", me.id());
        redirect.addFlashAttribute("notice", "account.secondstep.turnedOff");
        return "redirect:/account/second-step";
    }

    private String notConfirmed(Reauthentication.Outcome outcome, BindingResult result, AccountPrincipal me,
            HttpSession session, Model model) {
        if (outcome == Reauthentication.Outcome.SIGNED_OUT) {
            return Reauthentication.SIGNED_OUT_PAGE;
        }
        result.rejectValue("currentPassword", "account.password.current.wrong");
        return shown(me, session, model);
    }
}
