package org.counterspace.checkin;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.counterspace.account.AccountPrincipal;
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

    static final long MAX_BYTES = 5L * 1024 * 1024;

    static final String DAYLIO_PREVIEW = TransferController.class.getName() + ".daylio";

    private final TransferService transfers;

    private final CheckInService checkins;

    private final MessageSource messages;

    TransferController(TransferService transfers, CheckInService checkins, MessageSource messages) {
        this.transfers = transfers;
        this.checkins = checkins;
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
        String name = "counterspace-checkins-" + LocalDate.now(me.timeZone()) + "." + extension;
        return ResponseEntity.ok()
            .contentType(type)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
            .body(body);
    }

    @PostMapping("/checkins/import")
    String importCsv(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) MultipartFile file,
            Model model, Locale locale, RedirectAttributes flash) {
        Text text = read(file);
        if (text.problem() != null) {
            return refused(model, "csv", List.of(RowError.of(0, text.problem())), locale);
        }
        JournalCsv.Parsed parsed = JournalCsv.parse(new StringReader(text.content()), LocalDate.now(me.timeZone()));
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
        Text text = read(file);
        if (text.problem() != null) {
            return refused(model, "daylio", List.of(RowError.of(0, text.problem())), locale);
        }
        DaylioCsv.Parsed parsed = DaylioCsv.parse(new StringReader(text.content()), LocalDate.now(me.timeZone()));
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
        List<DaylioCsv.Entry> entries = preview.entries();
        Map<String, String> known = checkins.environments(me.id()).stream()
            .collect(Collectors.toMap(e -> CheckInService.nameKey(e.getName()), CounterEnvironment::getName, (a, b) -> a));
        Map<String, Long> activities = entries.stream().flatMap(e -> e.activities().stream())
            .collect(Collectors.groupingBy(a -> a, TreeMap::new, Collectors.counting()));
        model.addAttribute("count", entries.size());
        model.addAttribute("first", entries.get(0).day());
        model.addAttribute("last", entries.get(entries.size() - 1).day());
        model.addAttribute("moods", entries.stream().collect(Collectors.groupingBy(DaylioCsv.Entry::mood, TreeMap::new, Collectors.counting())));
        model.addAttribute("activities", activities);
        model.addAttribute("known", known);
        model.addAttribute("sample", entries.subList(Math.max(0, entries.size() - 10), entries.size()));
        model.addAttribute("pulls", CheckInController.PULLS);
        return "checkin/daylio-preview";
    }

    @PostMapping("/checkins/import/daylio/confirm")
    String confirmDaylio(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String homePull,
            HttpSession session, RedirectAttributes flash) {
        DaylioPreview preview = preview(me, session);
        if (preview == null) {
            return "redirect:/checkins/export";
        }
        if (homePull == null || !homePull.strip().matches("[0-9]|10")) {
            flash.addFlashAttribute("pullMissing", true);
            return "redirect:/checkins/import/daylio";
        }
        int imported = transfers.importRows(me.id(), TransferService.fromDaylio(preview.entries(), Integer.parseInt(homePull.strip())));
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

    record Text(String content, String problem) {
    }

    /** The upload as UTF-8 text, or why not: missing, too big, or not text at all. */
    static Text read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return new Text(null, "noFile");
        }
        if (file.getSize() > MAX_BYTES) {
            return new Text(null, "tooBig");
        }
        try {
            byte[] bytes = file.getBytes();
            for (byte b : bytes) {
                if (b == 0) {
                    return new Text(null, "binary");
                }
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
            return new Text(text.startsWith("\uFEFF") ? text.substring(1) : text, null);
        }
        catch (CharacterCodingException e) {
            return new Text(null, "binary");
        }
        catch (IOException e) {
            return new Text(null, "unreadable");
        }
    }
}
