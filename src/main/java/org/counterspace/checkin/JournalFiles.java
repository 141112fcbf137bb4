package org.counterspace.checkin;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.counterspace.checkin.JournalCsv.RowError;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded journal files read: as UTF-8 text within the size limit, then parsed as the journal's CSV
 * ({@link JournalCsv}), its JSON export ({@link JournalJsonFile}) or a Daylio export ({@link DaylioCsv}).
 * Nothing here touches the journal, so no transaction (and no connection) is held while a file is parsed.
 */
@Component
class JournalFiles {

    private final CheckInLimits limits;

    JournalFiles(CheckInLimits limits) {
        this.limits = limits;
    }

    JournalCsv.Parsed readCsv(MultipartFile file, LocalDate today) {
        Text text = decode(file);
        return text.problem() != null ? new JournalCsv.Parsed(List.of(), List.of(text.problem()))
                : JournalCsv.parse(new StringReader(text.content()), today);
    }

    JournalJsonFile.Parsed readJson(MultipartFile file, LocalDate today) {
        Text text = decode(file);
        return text.problem() != null ? new JournalJsonFile.Parsed(List.of(), List.of(), List.of(text.problem()))
                : JournalJsonFile.parse(text.content(), today);
    }

    /** A Daylio upload: its text (null when it could not be read), kept for the preview, and what it holds. */
    record DaylioFile(String content, DaylioCsv.Parsed parsed) {
    }

    DaylioFile readDaylio(MultipartFile file, LocalDate today) {
        Text text = decode(file);
        return text.problem() != null ? new DaylioFile(null, new DaylioCsv.Parsed(List.of(), List.of(text.problem())))
                : new DaylioFile(text.content(), DaylioCsv.parse(new StringReader(text.content()), today));
    }

    /** An upload as UTF-8 text, or why not: missing, too big, or not text at all. */
    private record Text(String content, RowError problem) {
    }

    private Text decode(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return new Text(null, RowError.of(0, "noFile"));
        }
        if (file.getSize() > limits.importFileSize().toBytes()) {
            return new Text(null, tooBig());
        }
        try {
            byte[] bytes = file.getBytes();
            for (byte b : bytes) {
                if (b == 0) {
                    return new Text(null, RowError.of(0, "binary"));
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
            return new Text(null, RowError.of(0, "binary"));
        }
        catch (IOException e) {
            return new Text(null, RowError.of(0, "unreadable"));
        }
    }

    /** A file over the size limit, whether this class or the upload gate found it so. */
    RowError tooBig() {
        return RowError.of(0, "tooBig", importMegabytes());
    }

    long importMegabytes() {
        return limits.importMegabytes();
    }
}
