-- Where an imported check-in came from, so that importing the same file again adds nothing: the id the
-- entry had in the file (a Counterspace export's id; for Daylio, which has no ids, a digest of the
-- entry's day, time and content). Exports write it back as the entry's id, so an entry keeps one
-- identity from account to account. Check-ins made here have none (their own id is their identity).
ALTER TABLE check_in ADD COLUMN source_id VARCHAR(100);
