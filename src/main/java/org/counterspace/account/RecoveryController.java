package org.counterspace.account;

import java.util.Optional;

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

/** "Forgot password": a username, one recovery code and a new password. */
@Controller
class RecoveryController {

    private static final Logger log = LoggerFactory.getLogger(RecoveryController.class);

    private final AccountService accounts;

    private final Passwords passwords;

    private final AccountSessions sessions;

    private final Throttle throttle;

    RecoveryController(AccountService accounts, Passwords passwords, AccountSessions sessions, Throttle throttle) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @GetMapping("/recover")
    String form(Model model) {
        model.addAttribute("form", RecoveryForm.empty());
        return "account/recover";
    }

    @PostMapping("/recover")
    ModelAndView recover(@Valid @ModelAttribute("form") RecoveryForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        String name = Usernames.key(form.username()).orElse("");
        Throttle.Attempt attempt = throttle.attempt(new Throttle.Key(Throttle.Limit.RECOVER_NAME, name),
                new Throttle.Key(Throttle.Limit.RECOVER_ADDRESS, request.getRemoteAddr()));
        if (!attempt.allowed()) {
            return ThrottledPage.of(attempt.waitFor(), response);
        }
        passwords.validateNew(form.password(), form.confirm(), form.username(), result);
        if (result.hasErrors()) {
            attempt.refund(); // a typing mistake in the form is not a guess
            return new ModelAndView("account/recover");
        }
        Optional<AccountPrincipal> recovered = accounts.recover(form.username(), form.code(), form.password());
        if (recovered.isEmpty()) {
            log.info("Recovery failed");
            result.rejectValue("code", "account.recover.failed");
            return new ModelAndView("account/recover");
        }
        attempt.refund();
        AccountPrincipal principal = recovered.get();
        sessions.endSessions(principal, null);
        log.info("Account {} recovered with a recovery code; its sessions were ended", principal.id());
        redirect.addFlashAttribute("codesLeft", accounts.recoveryCodesLeft(principal.id()));
        return new ModelAndView("redirect:/login?recovered");
    }
}
