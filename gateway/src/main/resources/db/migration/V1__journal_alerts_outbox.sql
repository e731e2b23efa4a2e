-- Journal of decoded sensor events (raw readings never leave the home).
CREATE TABLE readings (
    id          INTEGER PRIMARY KEY,
    sensor_id   TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    at_ms       INTEGER NOT NULL,
    detail      TEXT    NOT NULL
);
CREATE INDEX readings_at ON readings (at_ms);

-- Every alert raised, with its evidence; the business identifier is minted once, here.
CREATE TABLE alerts (
    id          INTEGER PRIMARY KEY,
    identifier  TEXT    NOT NULL UNIQUE,
    type        TEXT    NOT NULL,
    sensor_id   TEXT    NOT NULL,
    onset_ms    INTEGER NOT NULL,
    raised_ms   INTEGER NOT NULL,
    state       TEXT    NOT NULL,
    body        TEXT    NOT NULL
);

-- Deliveries to the care record. state: pending | in_flight | delivered | dead.
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    identifier    TEXT    NOT NULL UNIQUE,
    kind          TEXT    NOT NULL,
    priority      INTEGER NOT NULL,
    payload       TEXT    NOT NULL,
    state         TEXT    NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    not_before_ms INTEGER NOT NULL,
    created_ms    INTEGER NOT NULL,
    delivered_ms  INTEGER,
    references_   TEXT,
    last_error    TEXT
);
CREATE INDEX outbox_due ON outbox (state, priority, not_before_ms, id);

-- The rules engine's state after the last committed event: one row.
CREATE TABLE rule_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    body        TEXT    NOT NULL
);
