package org.counterspace.account;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RegistrationController {

    private static final Logger log = LoggerFactory.getLogger(RegistrationController.class);

    static final String CODES = "recoveryCodes";

    private final AccountService accounts;

    private final Passwords passwords;

    private final AccountSessions sessions;

    private final Throttle throttle;

    private final SignInAttempts signIns;

    private final TimeZoneChoices zones;

    RegistrationController(AccountService accounts, Passwords passwords, AccountSessions sessions, Throttle throttle,
            SignInAttempts signIns, TimeZoneChoices zones) {
        this.zones = zones;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.signIns = signIns;
    }

    @GetMapping("/register")
    String form(Model model, HttpServletRequest request) {
        model.addAttribute("form", RegistrationForm.empty(zones.defaultZone()));
        model.addAttribute("zones", zones.groups(request.getLocale()));
        model.addAttribute("guessZone", true);
        return "account/register";
    }

    @PostMapping("/register")
    ModelAndView register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        passwords.validateNew(form.password(), form.confirm(), form.username(), result);
        String zone = form.timeZone() == null ? zones.defaultZone() : form.timeZone();
        if (!TimeZoneChoices.offered(zone)) {
            result.rejectValue("timeZone", "account.settings.zone.invalid");
        }
        if (result.hasErrors()) {
            return again(request.getLocale());
        }
        Throttle.Attempt attempt = throttle.attempt(
                new Throttle.Key(Throttle.Limit.REGISTER_ADDRESS, request.getRemoteAddr()));
        if (!attempt.allowed()) {
            return ThrottledPage.of(attempt.waitFor(), response);
        }
        AccountService.Registration registration;
        try {
            registration = accounts.register(form.username(), form.password(), form.discreetOn(), ZoneId.of(zone));
        }
        catch (AccountService.UsernameTaken e) {
            result.rejectValue("username", "account.username.taken");
            return again(request.getLocale());
        }
        log.info("Account {} registered", registration.principal().id());
        sessions.signIn(registration.principal(), request, response);
        signIns.succeeded(Usernames.keyOfStored(form.username()), form.sharedDeviceOn(), request, response);
        redirect.addFlashAttribute(CODES, registration.recoveryCodes());
        return new ModelAndView("redirect:/account/recovery-codes");
    }

    /** The form again, with what the person chose (their time zone too: no guess over it). */
    private ModelAndView again(Locale locale) {
        return new ModelAndView("account/register").addObject("zones", zones.groups(locale)).addObject("guessZone", false);
    }

    /** The codes are shown once, right after they are made; afterwards this page only explains. */
    @GetMapping("/account/recovery-codes")
    String codes(Model model) {
        if (!(model.getAttribute(CODES) instanceof List<?>)) {
            return "redirect:/account";
        }
        return "account/recovery-codes";
    }
}
