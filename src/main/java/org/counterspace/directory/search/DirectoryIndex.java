package org.counterspace.directory.search;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;

import org.counterspace.directory.ServiceRepository;
import org.counterspace.directory.SupportService;
import org.hibernate.Session;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the directory: every write path calls {@link #changed}
 * for the services it touched, and start-up rebuilds the index when it does not match the
 * database (first start, restored backup, bulk load).
 */
@Component
public class DirectoryIndex implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DirectoryIndex.class);

    @PersistenceContext
    private EntityManager entityManager;

    private final EntityManagerFactory entityManagerFactory;

    private final ServiceRepository services;

    private static final int RESTORE_BATCH = 500;

    private volatile List<String> timeZones;

    DirectoryIndex(EntityManagerFactory entityManagerFactory, ServiceRepository services) {
        this.entityManagerFactory = entityManagerFactory;
        this.services = services;
    }

    /** Reindex these services when the current transaction commits. */
    public void changed(SupportService service) {
        Search.session(entityManager).indexingPlan().addOrUpdate(service);
        timeZones = null;
    }

    /** The time zones services keep their hours in; few, so "open now" asks each in turn. */
    List<String> timeZones() {
        List<String> zones = timeZones;
        if (zones == null) {
            zones = services.distinctTimeZones().stream().map(ZoneId::getId).toList();
            // other instances add services in new zones without telling this one: a shared index asks each time
            if (!shared()) {
                timeZones = zones;
            }
        }
        return zones;
    }

    /**
     * What the index holds as searches on this instance see it now, equal as long as no write has become
     * visible and different after any (a curator's change, an import, a rebuild), whatever path made it;
     * empty when other instances write the index too (OpenSearch), so no answer may be kept.
     */
    Optional<Object> state() {
        return SearchBackend.of(Search.mapping(entityManagerFactory)).state(entityManagerFactory);
    }

    /** Whether other instances use this index too (OpenSearch), rather than this instance alone. */
    public boolean shared() {
        return SearchBackend.of(Search.mapping(entityManagerFactory)).shared();
    }

    public long indexedCount() {
        try (EntityManager own = entityManagerFactory.createEntityManager()) {
            return Search.session(own).search(SupportService.class).where(f -> f.matchAll()).fetchTotalHitCount();
        }
    }

    /**
     * Empties an index written with an older layout of fields before the web server starts, so no
     * search reads it and nothing writes to it: its documents lack stored fields the result cards
     * need, and Lucene keeps a field's kind after its documents are deleted, so a field that changed
     * kind could not be written into the old files.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (olderLayout()) {
            log.info("Directory search index has an older layout: starting it anew");
            Search.mapping(entityManagerFactory).scope(SupportService.class).schemaManager().dropAndCreate();
        }
    }

    /** Rebuilds the whole index from the database if its size differs from the table's; true if it did. */
    public boolean rebuildIfStale() throws InterruptedException {
        long rows = services.count();
        long indexed = indexedCount();
        if (rows != indexed) {
            log.info("Directory search index has {} of {} services: rebuilding", indexed, rows);
            rebuild();
            return true;
        }
        return false;
    }

    private boolean olderLayout() {
        return SearchBackend.of(Search.mapping(entityManagerFactory)).olderLayout(entityManagerFactory,
                ServiceIndexBinder.LAYOUT);
    }

    /**
     * Makes these services' documents say what the database says now, and leaves out those it does not
     * have: after a transaction whose services the index had taken was rolled back.
     */
    void restore(List<UUID> ids) {
        try (EntityManager own = entityManagerFactory.createEntityManager()) {
            SearchSession search = Search.session(own);
            for (int from = 0; from < ids.size(); from += RESTORE_BATCH) {
                List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + RESTORE_BATCH));
                List<SupportService> found = own.unwrap(Session.class).findMultiple(SupportService.class, batch);
                for (int i = 0; i < batch.size(); i++) {
                    if (found.get(i) != null) {
                        search.indexingPlan().addOrUpdate(found.get(i));
                    }
                    else {
                        search.indexingPlan().purge(SupportService.class, batch.get(i), null);
                    }
                }
                search.indexingPlan().execute();
                own.clear();
            }
        }
        timeZones = null;
    }

    public void rebuild() throws InterruptedException {
        Search.mapping(entityManagerFactory).scope(SupportService.class).massIndexer().threadsToLoadObjects(2)
            .batchSizeToLoadObjects(100).mergeSegmentsOnFinish(true).startAndWait();
        timeZones = null;
    }

    /**
     * One segment after a bulk load: each search looks its terms up, and each facet maps its
     * ordinals, once per segment.
     */
    public void mergeSegments() {
        Search.mapping(entityManagerFactory).scope(SupportService.class).workspace().mergeSegments();
    }
}
