package org.counterspace.directory.curation;

import java.util.List;
import java.util.UUID;

import org.counterspace.directory.AuditEntry;
import org.counterspace.directory.AuditRepository;
import org.counterspace.directory.ServiceRepository;
import org.counterspace.directory.SupportService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Problem reports and suggestions from anyone, and the curators' queue of them. */
@Service
public class ModerationService {

    record QueueItem(UUID id, String kind, UUID serviceId, String serviceName, String suggestedName,
            String suggestedContact, String message, java.time.Instant createdAt) {
    }

    private final FeedbackRepository feedback;

    private final ServiceRepository services;

    private final AuditRepository audit;

    ModerationService(FeedbackRepository feedback, ServiceRepository services, AuditRepository audit) {
        this.feedback = feedback;
        this.services = services;
        this.audit = audit;
    }

    @Transactional
    public void report(UUID serviceId, String message) {
        SupportService service = services.findById(serviceId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        feedback.save(Feedback.report(service, message.strip()));
    }

    @Transactional
    public void suggest(String name, String contact, String message) {
        feedback.save(Feedback.suggestion(name.strip(), contact == null ? null : contact.strip(), message.strip()));
    }

    @Transactional(readOnly = true)
    List<QueueItem> openQueue() {
        return feedback.findByStatusOrderByCreatedAtAsc(Feedback.OPEN).stream()
            .map(f -> new QueueItem(f.getId(), f.getKind(),
                    f.getService() == null ? null : f.getService().getId(),
                    f.getService() == null ? null : f.getService().getName(), f.getSuggestedName(),
                    f.getSuggestedContact(), f.getMessage(), f.getCreatedAt()))
            .toList();
    }

    @Transactional
    void resolve(UUID feedbackId, String curator) {
        Feedback item = feedback.findById(feedbackId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        item.resolve(curator);
        audit.save(new AuditEntry(curator, "resolve", item.getKind(), item.getId(),
                "Closed " + item.getKind() + ": " + item.getMessage()));
    }
}
