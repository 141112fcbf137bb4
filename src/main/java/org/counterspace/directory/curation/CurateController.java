package org.counterspace.directory.curation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Categories;
import org.counterspace.directory.Channel;
import org.counterspace.directory.Cost;
import org.counterspace.directory.TimeZones;
import org.counterspace.directory.hsds.HsdsExporter;
import org.counterspace.directory.hsds.ImportFolder;
import org.counterspace.directory.hsds.ImportJobs;
import org.counterspace.directory.listing.DirectoryPages;
import org.counterspace.directory.listing.PathIds;
import org.counterspace.directory.search.QueryText;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Curator pages (ROLE_ADMIN, see DirectoryAccess): services, moderation queue, audit trail, HSDS files. */
@Controller
class CurateController {

    private final CurationService curation;

    private final ModerationService moderation;

    private final DirectoryPages pages;

    private final ImportJobs imports;

    private final HsdsExporter exporter;

    private final TimeZones timeZones;

    private final ImportFolder importFolder;

    CurateController(CurationService curation, ModerationService moderation, DirectoryPages pages,
            ImportJobs imports, HsdsExporter exporter, TimeZones timeZones, ImportFolder importFolder) {
        this.timeZones = timeZones;
        this.importFolder = importFolder;
        this.curation = curation;
        this.moderation = moderation;
        this.pages = pages;
        this.imports = imports;
        this.exporter = exporter;
    }

    /** Times on curator pages are in the curator's own time zone. */
    @ModelAttribute("zone")
    ZoneId zone(@AuthenticationPrincipal AccountPrincipal me) {
        return me == null ? ZoneId.of("UTC") : me.timeZone();
    }

    @GetMapping("/curate")
    String services(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "page", defaultValue = "1") String page, Model model) {
        int number = Math.max(0, Math.min(10_000, parseOr(page, 1) - 1));
        String text = q == null ? null : QueryText.cut(q);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("maxQueryChars", QueryText.MAX_CHARS);
        model.addAttribute("rows", curation.list(text, number));
        model.addAttribute("queueSize", moderation.openQueue().size());
        return "directory/curate/index";
    }

    @GetMapping("/curate/services/new")
    String newService(Model model) {
        model.addAttribute("serviceForm", ServiceForm.empty());
        return form(model, null);
    }

    @PostMapping("/curate/services")
    String create(@Valid @ModelAttribute("serviceForm") ServiceForm form, BindingResult errors,
            @AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
        ServiceFormMapping.check(form, errors);
        if (errors.hasErrors()) {
            return form(model, null);
        }
        UUID id = curation.create(form, me.getUsername());
        redirect.addFlashAttribute("done", "curate.done.created");
        return "redirect:/curate/services/" + id;
    }

    @GetMapping("/curate/services/{id}")
    String edit(@PathVariable String id, Model model) {
        UUID serviceId = PathIds.parse(id);
        model.addAttribute("serviceForm", curation.form(serviceId));
        return form(model, serviceId);
    }

    @PostMapping("/curate/services/{id}")
    String update(@PathVariable String id, @Valid @ModelAttribute("serviceForm") ServiceForm form,
            BindingResult errors, @AuthenticationPrincipal AccountPrincipal me, Model model,
            RedirectAttributes redirect) {
        UUID serviceId = PathIds.parse(id);
        ServiceFormMapping.check(form, errors);
        if (errors.hasErrors()) {
            return form(model, serviceId);
        }
        curation.update(serviceId, form, me.getUsername());
        redirect.addFlashAttribute("done", "curate.done.saved");
        return "redirect:/curate/services/" + serviceId;
    }

    private String form(Model model, UUID id) {
        model.addAttribute("serviceId", id);
        model.addAttribute("categoryNames", Categories.names());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("ageGroups", AgeGroup.values());
        model.addAttribute("costs", Cost.values());
        if (id != null) {
            pages.service(id, Instant.now()).ifPresent(view -> model.addAttribute("view", view));
        }
        return "directory/curate/service";
    }

    @PostMapping("/curate/services/{id}/retire")
    String retire(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        UUID serviceId = PathIds.parse(id);
        curation.retire(serviceId, me.getUsername());
        redirect.addFlashAttribute("done", "curate.done.retired");
        return "redirect:/curate/services/" + serviceId;
    }

    @PostMapping("/curate/services/{id}/reactivate")
    String reactivate(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        UUID serviceId = PathIds.parse(id);
        curation.reactivate(serviceId, me.getUsername());
        redirect.addFlashAttribute("done", "curate.done.reactivated");
        return "redirect:/curate/services/" + serviceId;
    }

    @PostMapping("/curate/services/{id}/verify")
    String verify(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        UUID serviceId = PathIds.parse(id);
        curation.verify(serviceId, LocalDate.now(me.timeZone()), me.getUsername());
        redirect.addFlashAttribute("done", "curate.done.verified");
        return "redirect:/curate/services/" + serviceId;
    }

    @GetMapping("/curate/queue")
    String queue(Model model) {
        model.addAttribute("items", moderation.openQueue());
        return "directory/curate/queue";
    }

    @PostMapping("/curate/queue/{id}/resolve")
    String resolve(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        moderation.resolve(PathIds.parse(id), me.getUsername());
        redirect.addFlashAttribute("done", "curate.done.resolved");
        return "redirect:/curate/queue";
    }

    @GetMapping("/curate/audit")
    String audit(@RequestParam(name = "page", defaultValue = "1") String page, Model model) {
        model.addAttribute("entries", curation.auditTrail(Math.max(0, Math.min(10_000, parseOr(page, 1) - 1))));
        return "directory/curate/audit";
    }

    @GetMapping("/curate/files")
    String files(Model model) {
        model.addAttribute("timeZone", timeZones.directoryZone().getId());
        return filesPage(model);
    }

    private String filesPage(Model model) {
        model.addAttribute("jobs", imports.recent());
        return "directory/curate/files";
    }

    /**
     * Keeps the upload and starts its import in the background, answering at once with the job's page;
     * another import running is said instead. {@code timeZone}: where the hours of services whose data
     * names no zone and gives no coordinates are.
     */
    @PostMapping("/curate/files/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "timeZone", required = false) String timeZone,
            @AuthenticationPrincipal AccountPrincipal me, Model model, HttpServletResponse response)
            throws IOException {
        Optional<ZoneId> zone = timeZone == null || timeZone.isBlank() ? Optional.of(timeZones.directoryZone())
                : TimeZones.placeZone(timeZone);
        model.addAttribute("timeZone", timeZone == null || timeZone.isBlank() ? timeZones.directoryZone().getId()
                : timeZone.strip());
        if (zone.isEmpty()) {
            model.addAttribute("badZone", true);
            return filesPage(model);
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("noFile", true);
            return filesPage(model);
        }
        if (imports.running().isPresent()) {
            return busy(model, response);
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                : file.getOriginalFilename().substring(0, Math.min(200, file.getOriginalFilename().length()));
        Path upload = Files.createTempFile(importFolder.path(), "counterspace-import",
                name.toLowerCase(Locale.ROOT).endsWith(".zip") ? ".zip" : ".json");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, upload, StandardCopyOption.REPLACE_EXISTING);
        }
        Optional<ImportJobs.Job> job = imports.start(name, upload, me.getUsername(), zone.get());
        if (job.isEmpty()) {
            Files.deleteIfExists(upload);
            return busy(model, response);
        }
        return "redirect:/curate/files/imports/" + job.get().id();
    }

    private String busy(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("busy", imports.running().orElse(null));
        return filesPage(model);
    }

    /** An import's progress, refreshing itself every few seconds (no script) until its report is there. */
    @GetMapping("/curate/files/imports/{id}")
    String importJob(@PathVariable String id, Model model) {
        ImportJobs.Job job = imports.find(PathIds.parse(id))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("job", job);
        if (!job.done()) {
            model.addAttribute("refreshSeconds", 2);
        }
        return "directory/curate/import";
    }

    @GetMapping("/curate/files/export.json")
    void exportJson(@AuthenticationPrincipal AccountPrincipal me, HttpServletResponse response) throws IOException {
        curation.audit(me.getUsername(), "export", "Exported the directory as HSDS JSON");
        response.setContentType("application/json");
        response.setHeader("Content-Disposition", "attachment; filename=\"directory-hsds.json\"");
        exporter.exportJson(response.getOutputStream());
    }

    @GetMapping("/curate/files/export.zip")
    void exportCsv(@AuthenticationPrincipal AccountPrincipal me, HttpServletResponse response) throws IOException {
        curation.audit(me.getUsername(), "export", "Exported the directory as HSDS CSV");
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"directory-hsds-csv.zip\"");
        exporter.exportCsv(response.getOutputStream());
    }

    private static int parseOr(String value, int fallback) {
        try {
            return Integer.parseInt(value.strip());
        }
        catch (NumberFormatException e) {
            return fallback;
        }
    }

}
