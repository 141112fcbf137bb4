package org.counterspace.directory;

import java.util.UUID;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;

/**
 * The one way a service is written: new, or replacing all it said before, from {@link ServiceDetails}.
 * A replaced service's old parts are deleted before its new ones are written, so an import may give a
 * part the id it had. Places at locations not saved yet save them. Callers are transactional and
 * tell the search index (see DirectoryIndex).
 */
@Component
public class ServiceWriter {

    @PersistenceContext
    private EntityManager em;

    public SupportService create(UUID id, Organization provider, ServiceDetails details) {
        return create(id, provider, details, service -> {
        });
    }

    /**
     * A new service; {@code complete} sets what is not a detail (status, check date) before it is saved:
     * a change after {@code persist} would be written as an update after the insert.
     */
    public SupportService create(UUID id, Organization provider, ServiceDetails details,
            Consumer<SupportService> complete) {
        SupportService service = new SupportService(id);
        describe(service, provider, details);
        complete.accept(service);
        em.persist(service);
        return service;
    }

    public void replace(SupportService service, Organization provider, ServiceDetails details) {
        service.forgetParts();
        em.flush();
        describe(service, provider, details);
        service.touch();
    }

    private void describe(SupportService service, Organization provider, ServiceDetails details) {
        details.places().stream().map(ServiceDetails.Place::location).filter(location -> !em.contains(location))
            .forEach(em::persist);
        service.describe(provider, details);
    }
}
