-- Daily summaries (issue 3). The summary of a local day is made exactly once: the day, the baseline that learnt it
-- and its outbox row (kind 'summary', priority 1, behind alerts) are committed together, then last_day moves on.
-- baseline: the resident's learnt normal per measure (JSON, bounded: a few numbers per measure).
CREATE TABLE summary_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    last_day  TEXT    NOT NULL,
    baseline  TEXT    NOT NULL
);
