-- Check-ins added by an import count against the import allowance, the others against the daily
-- check-in allowance; both count what was recorded in the last 24 hours.
ALTER TABLE check_in ADD COLUMN imported BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX check_in_account_recorded_ix ON check_in (account_id, recorded_at);

-- A Daylio file waiting for its owner to confirm the import on the preview page: at most one per
-- account (a new upload replaces it), ignored and removed once it is older than the preview time.
-- The file's text, not the parsed entries: it is read again for the preview page and the import.
-- preview_id names this upload, so confirming a page of one that has since been replaced imports nothing.
CREATE TABLE daylio_preview (
    account_id   UUID     NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    preview_id   UUID     NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    characters   INTEGER  NOT NULL,
    content      TEXT     NOT NULL
);
CREATE INDEX daylio_preview_uploaded_ix ON daylio_preview (uploaded_at);
