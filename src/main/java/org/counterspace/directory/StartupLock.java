package org.counterspace.directory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.counterspace.directory.search.DirectoryIndex;
import org.springframework.stereotype.Component;

/**
 * Start-up work on the directory happens once for all the instances that share a search index (the
 * cluster profile): it runs under a PostgreSQL advisory lock, so an instance starting beside another
 * waits for the lock and then finds the seeding and the index done, instead of mass-indexing again.
 * The lock belongs to the connection, so an instance that dies lets the next one in. With the embedded
 * index each instance has its own index to build, and nothing to wait for.
 */
@Component
class StartupLock {

    /** The lock's key: the schema's own, so deployments in other schemas of the database never wait on it. */
    private static final String KEY = "hashtext(current_schema() || '.counterspace.directory-startup')";

    interface Work {

        void run() throws Exception;
    }

    private final DataSource dataSource;

    private final DirectoryIndex index;

    StartupLock(DataSource dataSource, DirectoryIndex index) {
        this.dataSource = dataSource;
        this.index = index;
    }

    void run(Work work) throws Exception {
        if (!index.shared()) {
            work.run();
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
            try {
                work.run();
            }
            finally {
                unlock(statement);
            }
        }
    }

    private static void unlock(Statement statement) throws SQLException {
        statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
    }
}
