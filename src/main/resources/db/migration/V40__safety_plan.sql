-- A person's safety plan: every save is a new version; nothing is ever updated in place.
CREATE TABLE safety_plan_version (
    id                UUID          NOT NULL PRIMARY KEY,
    account_id        UUID          NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    version           INTEGER       NOT NULL,
    saved_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    warning_signs     VARCHAR(2000) NOT NULL,
    on_my_own         VARCHAR(2000) NOT NULL,
    counter_spaces    VARCHAR(2000) NOT NULL,
    people_to_ask     VARCHAR(2000) NOT NULL,
    professionals     VARCHAR(2000) NOT NULL,
    safer_situation   VARCHAR(2000) NOT NULL,
    what_matters      VARCHAR(2000) NOT NULL,
    CONSTRAINT safety_plan_version_uq UNIQUE (account_id, version)
);
