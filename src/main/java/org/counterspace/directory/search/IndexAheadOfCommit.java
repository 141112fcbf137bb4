package org.counterspace.directory.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.counterspace.directory.SupportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that gives the embedded search index its services before it commits (an import of a
 * large file, batch by batch, so memory holds one batch): should it roll back, the index is put back as
 * the database has it; should the process stop meanwhile, the row it left in
 * {@code index_ahead_of_commit} has the next start-up rebuild the index ({@link #leftUnfinished}). An
 * index shared by instances (OpenSearch) is fed through the outbox in the same transaction, so it needs
 * neither.
 */
@Component
public class IndexAheadOfCommit {

    private static final Logger log = LoggerFactory.getLogger(IndexAheadOfCommit.class);

    private final JdbcTemplate jdbc;

    private final TransactionTemplate ownTransaction;

    private final DirectoryIndex index;

    IndexAheadOfCommit(JdbcTemplate jdbc, PlatformTransactionManager transactions, DirectoryIndex index) {
        this.jdbc = jdbc;
        this.index = index;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The services one transaction has given the index so far. */
    public interface Written {

        void add(SupportService service);
    }

    /**
     * Begins to track what the current transaction gives the index ahead of its commit; {@code what}
     * says which work it is, for whoever reads the table.
     */
    public Written begin(String what) {
        if (index.shared()) {
            return service -> {
            };
        }
        UUID id = UUID.randomUUID();
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "insert into index_ahead_of_commit (id, started_at, what) values (?, ?, ?)", id,
                Timestamp.from(Instant.now()), what.length() > 300 ? what.substring(0, 300) : what));
        List<UUID> written = new ArrayList<>();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCompletion(int status) {
                try {
                    if (status != STATUS_COMMITTED) {
                        log.info("Putting {} services back in the search index after a rollback: {}", written.size(),
                                what);
                        index.restore(written);
                    }
                    ownTransaction.executeWithoutResult(
                            s -> jdbc.update("delete from index_ahead_of_commit where id = ?", id));
                }
                catch (RuntimeException e) {
                    // the row stays, so the next start-up rebuilds the index
                    log.error("The search index could not be put back after a rollback: {}", what, e);
                }
            }
        });
        return service -> written.add(service.getId());
    }

    /** Whether a transaction that gave the index its services ahead of its commit never ended. */
    public boolean leftUnfinished() {
        return !index.shared()
                && jdbc.queryForObject("select count(*) from index_ahead_of_commit", Long.class) > 0;
    }

    /** After the index was rebuilt from the database. */
    public void forgetUnfinished() {
        jdbc.update("delete from index_ahead_of_commit");
    }
}
