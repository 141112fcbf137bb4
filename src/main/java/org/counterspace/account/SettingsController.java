package org.counterspace.account;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.counterspace.web.DownloadNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own account: settings, password, recovery codes, export, deletion. */
@Controller
class SettingsController {

    private static final Logger log = LoggerFactory.getLogger(SettingsController.class);

    private final AccountService accounts;

    private final Passwords passwords;

    private final AccountSessions sessions;

    private final AccountExport export;

    private final Reauthentication reauthentication;

    private final SecondStepService secondStep;

    private final TimeZoneChoices zones;

    SettingsController(AccountService accounts, Passwords passwords, AccountSessions sessions, AccountExport export,
            Reauthentication reauthentication, SecondStepService secondStep, TimeZoneChoices zones) {
        this.zones = zones;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.export = export;
        this.reauthentication = reauthentication;
        this.secondStep = secondStep;
    }

    @GetMapping("/account")
    String settings(@AuthenticationPrincipal AccountPrincipal me, Model model, HttpServletRequest request) {
        model.addAttribute("form", new SettingsForm(me.timeZone().getId(), me.discreet()));
        // never guessed here: UTC may have been chosen on purpose (to say nothing of where one lives), and
        // this form also saves discreet mode, so a guess would be saved unnoticed with it
        model.addAttribute("guessZone", false);
        return settingsPage(me, model, request.getLocale());
    }

    private String settingsPage(AccountPrincipal me, Model model, Locale locale) {
        model.addAttribute("me", me);
        model.addAttribute("zones", zones.groups(locale));
        model.addAttribute("codesLeft", accounts.recoveryCodesLeft(me.id()));
        model.addAttribute("secondStepOn", secondStep.isOn(me.id()));
        return "account/settings";
    }

    @PostMapping("/account/settings")
    String changeSettings(@AuthenticationPrincipal AccountPrincipal me,
            @Valid @ModelAttribute("form") SettingsForm form, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("timeZone") && !TimeZoneChoices.offered(form.timeZone())) {
            result.rejectValue("timeZone", "account.settings.zone.invalid");
        }
        if (result.hasErrors()) {
            return settingsPage(me, model, request.getLocale());
        }
        ZoneId zone = ZoneId.of(form.timeZone());
        accounts.changeSettings(me.id(), zone, form.discreetOn());
        sessions.replacePrincipal(me.withSettings(zone, form.discreetOn()), request, response);
        redirect.addFlashAttribute("notice", "account.settings.saved");
        return "redirect:/account";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("form", PasswordChangeForm.empty());
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal AccountPrincipal me,
            @Valid @ModelAttribute("form") PasswordChangeForm form, BindingResult result,
            HttpServletRequest request, RedirectAttributes redirect) throws ServletException {
        passwords.validateNew(form.password(), form.confirm(), me.getUsername(), result);
        if (result.hasErrors()) {
            return "account/password";
        }
        Reauthentication.Outcome outcome = reauthentication.confirm(me, form.currentPassword(), request);
        if (outcome != Reauthentication.Outcome.CONFIRMED) {
            return notConfirmed(outcome, result, "account/password");
        }
        accounts.changePassword(me.id(), form.password());
        sessions.endSessions(me, request.getSession().getId());
        log.info("Account {} changed its password; its other sessions were ended", me.id());
        redirect.addFlashAttribute("notice", "account.password.changed");
        return "redirect:/account";
    }

    @GetMapping("/account/recovery-codes/new")
    String newCodesForm(Model model) {
        model.addAttribute("form", PasswordConfirmationForm.empty());
        return "account/new-codes";
    }

    @PostMapping("/account/recovery-codes/new")
    String newCodes(@AuthenticationPrincipal AccountPrincipal me,
            @Valid @ModelAttribute("form") PasswordConfirmationForm form, BindingResult result,
            HttpServletRequest request, RedirectAttributes redirect) throws ServletException {
        if (result.hasErrors()) {
            return "account/new-codes";
        }
        Reauthentication.Outcome outcome = reauthentication.confirm(me, form.currentPassword(), request);
        if (outcome != Reauthentication.Outcome.CONFIRMED) {
            return notConfirmed(outcome, result, "account/new-codes");
        }
        redirect.addFlashAttribute(RegistrationController.CODES, accounts.replaceRecoveryCodes(me.id()));
        return "redirect:/account/recovery-codes";
    }

    @GetMapping("/account/delete")
    String deleteForm(Model model) {
        model.addAttribute("form", PasswordConfirmationForm.empty());
        return "account/delete";
    }

    @PostMapping("/account/delete")
    String delete(@AuthenticationPrincipal AccountPrincipal me,
            @Valid @ModelAttribute("form") PasswordConfirmationForm form, BindingResult result,
            HttpServletRequest request) throws ServletException {
        if (result.hasErrors()) {
            return "account/delete";
        }
        Reauthentication.Outcome outcome = reauthentication.confirm(me, form.currentPassword(), request);
        if (outcome != Reauthentication.Outcome.CONFIRMED) {
            return notConfirmed(outcome, result, "account/delete");
        }
        sessions.endSessions(me, null);
        accounts.delete(me.id());
        sessions.signOutHere(request);
        log.info("Account {} deleted with everything it held", me.id());
        return "redirect:/login?deleted";
    }

    /** A wrong current password: the form again with its message, or the sign-in page once signed out. */
    private static String notConfirmed(Reauthentication.Outcome outcome, BindingResult result, String form) {
        if (outcome == Reauthentication.Outcome.SIGNED_OUT) {
            return Reauthentication.SIGNED_OUT_PAGE;
        }
        result.rejectValue("currentPassword", "account.password.current.wrong");
        return form;
    }

    @GetMapping("/account/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AccountPrincipal me) {
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .cacheControl(CacheControl.noStore())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(DownloadNames.of(AccountExport.FILE_NAME, me.discreet(),
                            LocalDate.now(me.timeZone()), "json")).build().toString())
            .body(export.export(me.id()));
    }
}
