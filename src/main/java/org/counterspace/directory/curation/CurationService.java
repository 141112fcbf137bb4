package org.counterspace.directory.curation;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.counterspace.directory.AuditEntry;
import org.counterspace.directory.AuditRepository;
import org.counterspace.directory.Categories;
import org.counterspace.directory.Organization;
import org.counterspace.directory.OrganizationRepository;
import org.counterspace.directory.ServiceRepository;
import org.counterspace.directory.ServiceWriter;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.TaxonomyTerm;
import org.counterspace.directory.TaxonomyTermRepository;
import org.counterspace.directory.search.DirectoryIndex;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Curators' changes to the directory; each one is reindexed and written to the audit trail. */
@Service
class CurationService {

    public record Row(UUID id, String name, String organization, String status, LocalDate assuredDate, boolean national,
            boolean demo) {
    }

    private final ServiceRepository services;

    private final OrganizationRepository organizations;

    private final TaxonomyTermRepository terms;

    private final AuditRepository audit;

    private final ServiceWriter writer;

    private final DirectoryIndex index;

    CurationService(ServiceRepository services, OrganizationRepository organizations, TaxonomyTermRepository terms,
            AuditRepository audit, ServiceWriter writer, DirectoryIndex index) {
        this.services = services;
        this.organizations = organizations;
        this.terms = terms;
        this.audit = audit;
        this.writer = writer;
        this.index = index;
    }

    @Transactional(readOnly = true)
    Page<Row> list(String text, int page) {
        PageRequest request = PageRequest.of(page, 25, Sort.by("name", "id"));
        Page<SupportService> found = text == null || text.isBlank() ? services.findAll(request)
                : services.findAll((root, query, cb) -> cb.like(cb.lower(root.get("name")),
                        "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "") + "%"), request);
        return found.map(s -> new Row(s.getId(), s.getName(),
                s.getOrganization() == null ? null : s.getOrganization().getName(), s.getStatus(),
                s.assurance().date(), s.provenance().national(), s.provenance().demo()));
    }

    @Transactional(readOnly = true)
    ServiceForm form(UUID id) {
        return ServiceFormMapping.formOf(find(id));
    }

    @Transactional
    UUID create(ServiceForm form, String actor) {
        Organization provider = organization(form.organization());
        SupportService s = writer.create(UUID.randomUUID(), provider,
                ServiceFormMapping.details(form, null, provider, categories(form)));
        audit.save(new AuditEntry(actor, "create", "service", s.getId(), "Created " + s.getName()));
        return s.getId();
    }

    @Transactional
    void update(UUID id, ServiceForm form, String actor) {
        SupportService s = find(id);
        Organization provider = organization(form.organization());
        writer.replace(s, provider, ServiceFormMapping.details(form, s, provider, categories(form)));
        index.changed(s);
        audit.save(new AuditEntry(actor, "update", "service", id, "Edited " + s.getName()));
    }

    @Transactional
    void retire(UUID id, String actor) {
        SupportService s = find(id);
        s.retire();
        index.changed(s);
        audit.save(new AuditEntry(actor, "retire", "service", id, "Retired " + s.getName()));
    }

    @Transactional
    void reactivate(UUID id, String actor) {
        SupportService s = find(id);
        s.reactivate();
        index.changed(s);
        audit.save(new AuditEntry(actor, "reactivate", "service", id, "Listed again: " + s.getName()));
    }

    @Transactional
    void verify(UUID id, LocalDate today, String actor) {
        SupportService s = find(id);
        s.assure(today, actor);
        s.touch();
        index.changed(s);
        audit.save(new AuditEntry(actor, "verify", "service", id, "Checked " + s.getName() + " on " + today));
    }

    @Transactional(readOnly = true)
    Page<AuditEntry> auditTrail(int page) {
        return audit.findAllByOrderByChangedAtDesc(PageRequest.of(page, 50));
    }

    @Transactional
    void audit(String actor, String action, String summary) {
        audit.save(new AuditEntry(actor, action, "directory", null, summary));
    }

    private Set<TaxonomyTerm> categories(ServiceForm form) {
        Set<TaxonomyTerm> chosen = new LinkedHashSet<>();
        form.categoryCodes().forEach(code -> terms.findById(Categories.termId(code)).ifPresent(chosen::add));
        return chosen;
    }

    private Organization organization(String name) {
        String wanted = name.strip();
        return organizations.findFirstByNameIgnoreCase(wanted)
            .orElseGet(() -> organizations.save(new Organization(UUID.randomUUID(), wanted, wanted)));
    }

    private SupportService find(UUID id) {
        return services.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
