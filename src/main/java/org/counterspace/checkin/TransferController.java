package org.counterspace.checkin;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.web.DownloadNames;
import org.counterspace.checkin.JournalCsv.RowError;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** CSV and JSON export, CSV import (all or nothing), and Daylio import with a preview first. */
@Controller
class TransferController {

    static final String DAYLIO_PREVIEW = TransferController.class.getName() + ".daylio";

    private final TransferService transfers;

    private final MessageSource messages;

    TransferController(TransferService transfers, MessageSource messages) {
        this.transfers = transfers;
        this.messages = messages;
    }

    @GetMapping("/checkins/export")
    String page(Model model) {
        model.addAttribute("columns", JournalCsv.COLUMNS);
        return "checkin/transfer";
    }

    @GetMapping("/checkins/export/csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal AccountPrincipal me) {
        StringWriter out = new StringWriter();
        JournalCsv.write(transfers.rows(me.id()), out);
        return download(out.toString(), "csv", new MediaType("text", "csv", StandardCharsets.UTF_8), me);
    }

    @GetMapping("/checkins/export/json")
    ResponseEntity<TransferService.JournalJson> json(@AuthenticationPrincipal AccountPrincipal me) {
        return download(transfers.json(me.id()), "json", MediaType.APPLICATION_JSON, me);
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
        JournalCsv.Parsed parsed = transfers.readJournal(file, LocalDate.now(me.timeZone()));
        if (!parsed.ok()) {
            return refused(model, "csv", parsed.errors(), locale);
        }
        flash.addFlashAttribute("notice", "checkin.import.done");
        flash.addFlashAttribute("noticeCount", transfers.importRows(me.id(), parsed.rows()));
        return "redirect:/checkins";
    }

    @PostMapping("/checkins/import/daylio")
    String previewDaylio(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) MultipartFile file,
            Model model, Locale locale, HttpSession session) {
        session.removeAttribute(DAYLIO_PREVIEW);
        DaylioCsv.Parsed parsed = transfers.readDaylio(file, LocalDate.now(me.timeZone()));
        if (!parsed.errors().isEmpty()) {
            return refused(model, "daylio", parsed.errors(), locale);
        }
        // Parsed entries only (no file bytes), dropped on import, cancel or the end of the session.
        session.setAttribute(DAYLIO_PREVIEW, new DaylioPreview(me.id(), parsed.entries()));
        return "redirect:/checkins/import/daylio";
    }

    @GetMapping("/checkins/import/daylio")
    String showDaylioPreview(@AuthenticationPrincipal AccountPrincipal me, HttpSession session, Model model) {
        DaylioPreview preview = preview(me, session);
        if (preview == null) {
            return "redirect:/checkins/export";
        }
        TransferService.DaylioSummary summary = transfers.daylioSummary(me.id(), preview.entries());
        model.addAttribute("count", summary.count());
        model.addAttribute("first", summary.first());
        model.addAttribute("last", summary.last());
        model.addAttribute("moods", summary.moods());
        model.addAttribute("activities", summary.activities());
        model.addAttribute("known", summary.known());
        model.addAttribute("sample", summary.sample());
        model.addAttribute("pulls", Scale.HOME_PULL.choices());
        return "checkin/daylio-preview";
    }

    @PostMapping("/checkins/import/daylio/confirm")
    String confirmDaylio(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String homePull,
            HttpSession session, RedirectAttributes flash) {
        DaylioPreview preview = preview(me, session);
        if (preview == null) {
            return "redirect:/checkins/export";
        }
        Optional<HomePull> pull = HomePull.read(homePull);
        if (pull.isEmpty()) {
            flash.addFlashAttribute("pullMissing", true);
            return "redirect:/checkins/import/daylio";
        }
        int imported = transfers.importDaylio(me.id(), preview.entries(), pull.get());
        session.removeAttribute(DAYLIO_PREVIEW);
        flash.addFlashAttribute("notice", "checkin.import.done");
        flash.addFlashAttribute("noticeCount", imported);
        return "redirect:/checkins";
    }

    /** The preview waiting in this session, if it belongs to the person signed in now. */
    private static DaylioPreview preview(AccountPrincipal me, HttpSession session) {
        return session.getAttribute(DAYLIO_PREVIEW) instanceof DaylioPreview preview && preview.accountId().equals(me.id())
                ? preview : null;
    }

    @PostMapping("/checkins/import/daylio/cancel")
    String cancelDaylio(HttpSession session) {
        session.removeAttribute(DAYLIO_PREVIEW);
        return "redirect:/checkins/export";
    }

    private String refused(Model model, String which, List<RowError> errors, Locale locale) {
        model.addAttribute("columns", JournalCsv.COLUMNS);
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
