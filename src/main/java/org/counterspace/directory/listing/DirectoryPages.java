package org.counterspace.directory.listing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.counterspace.directory.ServiceRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads for the pages that show one service. */
@Service
public class DirectoryPages {

    private final ServiceRepository services;

    DirectoryPages(ServiceRepository services) {
        this.services = services;
    }

    @Transactional(readOnly = true)
    public Optional<ServiceView> service(UUID id, Instant now) {
        return services.findById(id).map(service -> ServiceView.of(service, now));
    }
}
