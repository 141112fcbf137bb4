-- What an HSDS publisher sends about a service that the directory has no fields for (contacts,
-- funding, required documents, programs, accreditations, other x_ extensions...), kept as the JSON
-- object it came in and re-exported with the service, never shown on a page.
ALTER TABLE dir_service ADD COLUMN hsds_extras TEXT;
