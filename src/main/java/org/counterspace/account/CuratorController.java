package org.counterspace.account;

import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins grant and revoke the curator role (ROLE_ADMIN). */
@Controller
class CuratorController {

    private static final Logger log = LoggerFactory.getLogger(CuratorController.class);

    private final AccountService accounts;

    private final AccountSessions sessions;

    CuratorController(AccountService accounts, AccountSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping("/admin/curators")
    String list(Model model) {
        model.addAttribute("form", CuratorForm.empty());
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("curators", accounts.curators().stream().map(Account::username).toList());
        return "account/curators";
    }

    @PostMapping("/admin/curators/grant")
    String grant(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") CuratorForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors() && accounts.setCurator(form.username(), true).isEmpty()) {
            result.rejectValue("username", "account.curators.unknown");
        }
        if (result.hasErrors()) {
            return page(model);
        }
        log.info("Account {} granted the curator role", me.id());
        redirect.addFlashAttribute("notice", "account.curators.granted");
        return "redirect:/admin/curators";
    }

    /** Takes effect at once: the former curator's sessions end, so they sign in again without the role. */
    @PostMapping("/admin/curators/revoke")
    String revoke(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") CuratorForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors() && form.username().equalsIgnoreCase(me.getUsername())) {
            result.rejectValue("username", "account.curators.self");
        }
        if (!result.hasErrors()) {
            accounts.setCurator(form.username(), false).ifPresentOrElse(
                    former -> sessions.endSessions(former, null),
                    () -> result.rejectValue("username", "account.curators.unknown"));
        }
        if (result.hasErrors()) {
            return page(model);
        }
        log.info("Account {} revoked a curator role", me.id());
        redirect.addFlashAttribute("notice", "account.curators.revoked");
        return "redirect:/admin/curators";
    }
}
