-- Writes that give the embedded search index their services before their transaction commits (a large
-- HSDS import, batch by batch): a row while one runs, committed on its own (directory.search.IndexAheadOfCommit).
-- A row found at start-up is an import the process stopped in: the index is rebuilt from the database.
CREATE TABLE index_ahead_of_commit (
    id UUID NOT NULL PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    what VARCHAR(300) NOT NULL
);
