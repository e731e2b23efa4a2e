-- Staged local warnings with an "I'm OK" answer (issue 3). Named V4: V3 is left to a concurrent change.
-- One row per warning given: the alert it holds back (by its business identifier), when it was given and when it falls
-- due (instants, so restarts and clock changes keep them), whether the warning message has reached the sounder, and
-- how it ended: NULL while pending, 'cancelled' (the resident answered, with answered_by and answer_detail saying
-- which button and action; the alert is in alerts with state
-- 'cancelled_by_resident' and no outbox row) or 'unanswered' (the alert was raised at the deadline).
CREATE TABLE local_warnings (
    id           INTEGER PRIMARY KEY,
    identifier   TEXT    NOT NULL UNIQUE,
    type         TEXT    NOT NULL,
    warned_ms    INTEGER NOT NULL,
    deadline_ms  INTEGER NOT NULL,
    published_ms INTEGER,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    outcome      TEXT,
    outcome_ms   INTEGER,
    answered_by  TEXT,
    answer_detail TEXT
);
CREATE INDEX local_warnings_unpublished ON local_warnings (published_ms, deadline_ms);
CREATE INDEX local_warnings_outcome ON local_warnings (outcome, outcome_ms);
