package org.counterspace.account;

import java.util.List;

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

    RegistrationController(AccountService accounts, Passwords passwords, AccountSessions sessions, Throttle throttle,
            SignInAttempts signIns) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.signIns = signIns;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        return "account/register";
    }

    @PostMapping("/register")
    ModelAndView register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        passwords.validateNew(form.password(), form.confirm(), form.username(), result);
        if (result.hasErrors()) {
            return new ModelAndView("account/register");
        }
        Throttle.Attempt attempt = throttle.attempt(
                new Throttle.Key(Throttle.Limit.REGISTER_ADDRESS, request.getRemoteAddr()));
        if (!attempt.allowed()) {
            return ThrottledPage.of(attempt.waitFor(), response);
        }
        AccountService.Registration registration;
        try {
            registration = accounts.register(form.username(), form.password(), form.discreetOn());
        }
        catch (AccountService.UsernameTaken e) {
            result.rejectValue("username", "account.username.taken");
            return new ModelAndView("account/register");
        }
        log.info("Account {} registered", registration.principal().id());
        sessions.signIn(registration.principal(), request, response);
        signIns.succeeded(Usernames.keyOfStored(form.username()), false, request, response);
        redirect.addFlashAttribute(CODES, registration.recoveryCodes());
        return new ModelAndView("redirect:/account/recovery-codes");
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
