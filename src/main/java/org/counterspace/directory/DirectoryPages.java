package org.counterspace.directory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads for the public pages: one service, and the names of our categories. */
@Service
class DirectoryPages {

    private final ServiceRepository services;

    private final Map<String, String> categoryNames = new LinkedHashMap<>();

    DirectoryPages(ServiceRepository services) {
        this.services = services;
        Categories.ALL.forEach(c -> categoryNames.put(c.code(), c.name()));
    }

    @Transactional(readOnly = true)
    Optional<ServiceView> service(UUID id, Instant now) {
        return services.findById(id).map(service -> ServiceView.of(service, now));
    }

    /** Category code to name, in our order. */
    Map<String, String> categoryNames() {
        return categoryNames;
    }
}
