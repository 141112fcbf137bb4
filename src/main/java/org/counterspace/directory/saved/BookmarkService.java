package org.counterspace.directory.saved;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.counterspace.account.AccountDeleted;
import org.counterspace.account.PersonalDataExporter;
import org.counterspace.directory.Bookmarks;
import org.counterspace.directory.DirectoryLimits;
import org.counterspace.directory.Phone;
import org.counterspace.directory.SavedService;
import org.counterspace.directory.ServiceRepository;
import org.counterspace.directory.SupportService;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * "My outside support": bookmarks with a private note. Every read and write is scoped by the
 * owner; someone else's bookmark answers 404, as if it did not exist.
 */
@Service
public class BookmarkService implements Bookmarks, PersonalDataExporter {

    public record Saved(UUID id, UUID serviceId, String name, String organization, String phone, String dialable,
            String text, String website, String note, boolean active, Instant savedAt) {
    }

    record Exported(String service, String phone, String website, String note, Instant savedAt) {
    }

    private final BookmarkRepository bookmarks;

    private final ServiceRepository services;

    private final int limit;

    BookmarkService(BookmarkRepository bookmarks, ServiceRepository services, DirectoryLimits limits) {
        this.bookmarks = bookmarks;
        this.services = services;
        this.limit = limits.savedServices();
    }

    /** How many services one person can keep saved. */
    int limit() {
        return limit;
    }

    @Transactional(readOnly = true)
    List<Saved> list(UUID accountId) {
        return bookmarks.findByAccountIdOrderByCreatedAtDesc(accountId).stream().map(BookmarkService::saved).toList();
    }

    @Transactional(readOnly = true)
    public boolean isSaved(UUID accountId, UUID serviceId) {
        return bookmarks.findByAccountIdAndServiceId(accountId, serviceId).isPresent();
    }

    /**
     * Saves the service, or updates the note if it is saved already. Empty, and nothing saved, when
     * the person has {@link #limit()} services saved and this is not one of them.
     */
    @Transactional
    Optional<UUID> save(UUID accountId, UUID serviceId, String note) {
        SupportService service = services.findById(serviceId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<Bookmark> existing = bookmarks.findByAccountIdAndServiceId(accountId, serviceId);
        if (existing.isEmpty() && bookmarks.countByAccountId(accountId) >= limit) {
            return Optional.empty();
        }
        Bookmark bookmark = existing.orElseGet(() -> bookmarks.save(new Bookmark(accountId, service, null)));
        bookmark.setNote(blankToNull(note));
        return Optional.of(bookmark.getId());
    }

    @Transactional
    void updateNote(UUID accountId, UUID bookmarkId, String note) {
        own(accountId, bookmarkId).setNote(blankToNull(note));
    }

    @Transactional
    void remove(UUID accountId, UUID bookmarkId) {
        bookmarks.delete(own(accountId, bookmarkId));
    }

    private Bookmark own(UUID accountId, UUID bookmarkId) {
        return bookmarks.findByIdAndAccountId(bookmarkId, accountId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Override
    @Transactional(readOnly = true)
    public List<SavedService> savedBy(UUID accountId) {
        return list(accountId).stream()
            .map(s -> new SavedService(s.serviceId(), s.name(), s.phone(), "/support/services/" + s.serviceId()))
            .toList();
    }

    @EventListener
    @Transactional
    public void onAccountDeleted(AccountDeleted event) {
        bookmarks.deleteByAccount(event.accountId());
    }

    @Override
    public String section() {
        return "bookmarks";
    }

    @Override
    @Transactional(readOnly = true)
    public Object export(UUID accountId) {
        return list(accountId).stream()
            .map(s -> new Exported(s.name(), s.phone(), s.website(), s.note(), s.savedAt()))
            .toList();
    }

    private static Saved saved(Bookmark bookmark) {
        SupportService service = bookmark.getService();
        Phone voice = service.mainPhone().orElse(null);
        Phone text = service.textPhone().orElse(null);
        return new Saved(bookmark.getId(), service.getId(), service.getName(),
                service.getOrganization() == null ? null : service.getOrganization().getName(),
                voice == null ? null : voice.getNumber(), voice == null ? null : voice.dialable(),
                text == null ? null : text.getNumber(), service.about().url(), bookmark.getNote(), service.isActive(),
                bookmark.getCreatedAt());
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
