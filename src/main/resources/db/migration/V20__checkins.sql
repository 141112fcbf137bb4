-- Check-in journal: a person's counter-environments and their check-ins.
-- ("day" is a keyword in H2, hence entry_date / taken_on.)
CREATE TABLE counter_environment (
    id          UUID         NOT NULL PRIMARY KEY,
    account_id  UUID         NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind        VARCHAR(16)  NOT NULL,
    name        VARCHAR(80)  NOT NULL,
    archived    BOOLEAN      NOT NULL,
    position    INTEGER      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT counter_environment_kind_ck CHECK (kind IN ('SPACE', 'PERSON', 'PRACTICE'))
);
CREATE INDEX counter_environment_account_ix ON counter_environment (account_id, position);

CREATE TABLE check_in (
    id           UUID          NOT NULL PRIMARY KEY,
    account_id   UUID          NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    entry_date   DATE          NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    mood         INTEGER       NOT NULL,
    home_pull    INTEGER       NOT NULL,
    small_win    VARCHAR(500),
    note         VARCHAR(5000),
    to_discuss   BOOLEAN       NOT NULL,
    CONSTRAINT check_in_mood_ck CHECK (mood BETWEEN 1 AND 5),
    CONSTRAINT check_in_home_pull_ck CHECK (home_pull BETWEEN 0 AND 10)
);
CREATE INDEX check_in_account_day_ix ON check_in (account_id, entry_date, recorded_at);

CREATE TABLE check_in_environment (
    check_in_id             UUID NOT NULL REFERENCES check_in (id) ON DELETE CASCADE,
    counter_environment_id  UUID NOT NULL REFERENCES counter_environment (id) ON DELETE CASCADE,
    PRIMARY KEY (check_in_id, counter_environment_id)
);
CREATE INDEX check_in_environment_env_ix ON check_in_environment (counter_environment_id);

-- WHO-5 Well-Being Index answers (0-5 each) and the 0-100 score.
CREATE TABLE wellbeing_check (
    id           UUID     NOT NULL PRIMARY KEY,
    account_id   UUID     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    taken_on     DATE     NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    item1        INTEGER  NOT NULL,
    item2        INTEGER  NOT NULL,
    item3        INTEGER  NOT NULL,
    item4        INTEGER  NOT NULL,
    item5        INTEGER  NOT NULL,
    score        INTEGER  NOT NULL,
    CONSTRAINT wellbeing_check_score_ck CHECK (score BETWEEN 0 AND 100)
);
CREATE INDEX wellbeing_check_account_ix ON wellbeing_check (account_id, taken_on);

-- The periods a person marked as shared with their therapist, so the next summary starts after them.
CREATE TABLE session_summary (
    id           UUID  NOT NULL PRIMARY KEY,
    account_id   UUID  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    period_from  DATE  NOT NULL,
    period_to    DATE  NOT NULL,
    marked_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX session_summary_account_ix ON session_summary (account_id, period_to);
