package org.counterspace.checkin;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.web.DownloadNames;
import org.counterspace.checkin.JournalCsv.RowError;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CSV and JSON export; CSV and JSON import (all or nothing), and Daylio import with a preview first. Every
 * import leaves the entries already in the journal as they are (see {@link TransferService#plan}).
 */
@Controller
class TransferController {

    private final TransferService transfers;

    private final JournalExport export;

    private final JournalFiles files;

    private final MessageSource messages;

    TransferController(TransferService transfers, JournalExport export, JournalFiles files, MessageSource messages) {
        this.transfers = transfers;
        this.export = export;
        this.files = files;
        this.messages = messages;
    }

    @GetMapping("/checkins/export")
    String page(Model model) {
        model.addAttribute("columns", JournalCsv.COLUMNS);
        model.addAttribute("importMegabytes", files.importMegabytes());
        return "checkin/transfer";
    }

    @GetMapping("/checkins/export/csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal AccountPrincipal me) {
        StringWriter out = new StringWriter();
        JournalCsv.write(export.rows(me.id()), out);
        return download(out.toString(), "csv", new MediaType("text", "csv", StandardCharsets.UTF_8), me);
    }

    @GetMapping("/checkins/export/json")
    ResponseEntity<JournalExport.JournalJson> json(@AuthenticationPrincipal AccountPrincipal me) {
        return download(export.json(me.id()), "json", MediaType.APPLICATION_JSON, me);
    }

    private static <T> ResponseEntity<T> download(T body, String extension, MediaType type, AccountPrincipal me) {
        LocalDate today = LocalDate.now(me.timeZone());
        String name = DownloadNames.of("counterspace-checkins-" + today + "." + extension, me.discreet(), today, extension);
        return ResponseEntity.ok()
            .contentType(type)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
            .body(body);
    }

    @PostMapping("/checkins/import")
    String importCsv(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) MultipartFile file,
            Model model, Locale locale, RedirectAttributes flash) {
        JournalCsv.Parsed parsed = files.readCsv(file, LocalDate.now(me.timeZone()));
        if (!parsed.ok()) {
            return refused(model, "csv", parsed.errors(), locale);
        }
        return imported(transfers.importRows(me.id(), parsed.rows(), List.of()), "csv", model,
                locale, flash);
    }

    @PostMapping("/checkins/import/json")
    String importJson(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) MultipartFile file,
            Model model, Locale locale, RedirectAttributes flash) {
        JournalJsonFile.Parsed parsed = files.readJson(file, LocalDate.now(me.timeZone()));
        if (!parsed.errors().isEmpty()) {
            return refused(model, "json", parsed.errors(), locale);
        }
        return imported(transfers.importRows(me.id(), parsed.rows(), parsed.environments()),
                "json", model, locale, flash);
    }

    /** The history page with what an import did, or the import page with why it did nothing. */
    private String imported(TransferService.Imported imported, String which, Model model, Locale locale,
            RedirectAttributes flash) {
        if (imported.refused().isPresent()) {
            return refused(model, which, List.of(imported.refused().get()), locale);
        }
        flash.addFlashAttribute("imported", imported.counts());
        return "redirect:/checkins";
    }

    @PostMapping("/checkins/import/daylio")
    String previewDaylio(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) MultipartFile file,
            Model model, Locale locale) {
        List<RowError> problems = transfers.previewDaylio(me.id(), file, LocalDate.now(me.timeZone()));
        return problems.isEmpty() ? "redirect:/checkins/import/daylio" : refused(model, "daylio", problems, locale);
    }

    @GetMapping("/checkins/import/daylio")
    String showDaylioPreview(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        Optional<TransferService.DaylioPreview> preview = transfers.daylioPreview(me.id(), LocalDate.now(me.timeZone()));
        if (preview.isEmpty()) {
            return "redirect:/checkins/export";
        }
        TransferService.DaylioSummary summary = transfers.daylioSummary(me.id(), preview.get().entries());
        TransferService.ImportPlan plan = transfers.daylioPlan(me.id(), preview.get().entries(), null);
        model.addAttribute("newCount", plan.added().size());
        model.addAttribute("alreadyCount", plan.already());
        model.addAttribute("previewId", preview.get().id());
        model.addAttribute("count", summary.count());
        model.addAttribute("first", summary.first());
        model.addAttribute("last", summary.last());
        model.addAttribute("moods", summary.moods());
        model.addAttribute("activities", summary.activities());
        model.addAttribute("sample", summary.sample());
        model.addAttribute("pulls", Scale.HOME_PULL.choices());
        return "checkin/daylio-preview";
    }

    /**
     * Imports the preview the page showed ({@code preview}, its id): if that one has expired or another
     * upload has replaced it since, nothing is imported.
     */
    @PostMapping("/checkins/import/daylio/confirm")
    String confirmDaylio(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String preview,
            @RequestParam(required = false) String homePull, Model model, Locale locale, RedirectAttributes flash) {
        Optional<List<DaylioCsv.Entry>> entries = transfers.daylioPreview(me.id(), LocalDate.now(me.timeZone()))
            .filter(waiting -> waiting.id().toString().equals(preview))
            .map(TransferService.DaylioPreview::entries);
        if (entries.isEmpty()) {
            flash.addFlashAttribute("previewGone", transfers.previewMinutes());
            return "redirect:/checkins/export";
        }
        Optional<HomePull> pull = HomePull.read(homePull);
        if (pull.isEmpty()) {
            flash.addFlashAttribute("pullMissing", true);
            return "redirect:/checkins/import/daylio";
        }
        return imported(transfers.importDaylio(me.id(), entries.get(), pull.get()), "daylio",
                model, locale, flash);
    }

    @PostMapping("/checkins/import/daylio/cancel")
    String cancelDaylio(@AuthenticationPrincipal AccountPrincipal me) {
        transfers.dropDaylioPreview(me.id());
        return "redirect:/checkins/export";
    }

    /**
     * A file over the size limit, refused by the upload gate before it was read: the same page and
     * message as a file measured as too big once read, with 413 as its status.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge(HttpServletRequest request, Model model, Locale locale) {
        String uri = request.getRequestURI();
        String which = uri.endsWith("/daylio") ? "daylio" : uri.endsWith("/json") ? "json" : "csv";
        return refused(model, which, List.of(files.tooBig()), locale);
    }

    private String refused(Model model, String which, List<RowError> errors, Locale locale) {
        page(model);
        model.addAttribute("refused", which);
        model.addAttribute("errorCount", errors.size());
        model.addAttribute("errors", errors.stream().limit(100)
            .map(e -> new Problem(e.line(), messages.getMessage(e.code(), e.args().toArray(), locale)))
            .toList());
        return "checkin/transfer";
    }

    record Problem(long line, String message) {
    }
}
