package org.counterspace.directory.saved;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.directory.listing.DirectoryPages;
import org.counterspace.directory.listing.PathIds;
import org.counterspace.directory.listing.ServiceView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My outside support": the signed-in person's saved services, printable. */
@Controller
class SavedController {

    private final BookmarkService saved;

    private final DirectoryPages pages;

    SavedController(BookmarkService saved, DirectoryPages pages) {
        this.saved = saved;
        this.pages = pages;
    }

    @GetMapping("/support/saved")
    String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("saved", saved.list(me.id()));
        model.addAttribute("printedOn", Instant.now().atZone(me.timeZone()).toLocalDate());
        return "directory/saved";
    }

    @PostMapping("/support/services/{id}/save")
    String save(@PathVariable String id, @Valid @ModelAttribute("noteForm") NoteForm form,
            BindingResult errors, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        UUID serviceId = PathIds.parse(id);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("noteTooLong", true);
            return "redirect:/support/services/" + serviceId;
        }
        if (saved.save(me.id(), serviceId, form.note()).isEmpty()) {
            redirect.addFlashAttribute("savedFull", saved.limit());
            return "redirect:/support/services/" + serviceId;
        }
        redirect.addFlashAttribute("savedName", pages.service(serviceId, Instant.now()).map(ServiceView::name)
            .orElse(null));
        return "redirect:/support/saved";
    }

    @PostMapping("/support/saved/{id}")
    String updateNote(@PathVariable String id, @Valid @ModelAttribute("noteForm") NoteForm form,
            BindingResult errors, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        UUID bookmarkId = PathIds.parse(id);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("noteTooLong", true);
            return "redirect:/support/saved";
        }
        saved.updateNote(me.id(), bookmarkId, form.note());
        redirect.addFlashAttribute("noteSaved", true);
        return "redirect:/support/saved";
    }

    @PostMapping("/support/saved/{id}/remove")
    String remove(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        saved.remove(me.id(), PathIds.parse(id));
        redirect.addFlashAttribute("removed", true);
        return "redirect:/support/saved";
    }
}
