-- Acknowledgement, escalation and health (issue 4). The alert lifecycle in alerts.state:
--   raised -> sent -> accepted -> completed, or rejected | cancelled | failed, as the care record's Task says.

-- Every lifecycle change after 'sent' (acknowledgements) and every escalation, with its time.
-- at_ms: when it happened (an acknowledgement: the Task's meta.lastUpdated on the care record's clock);
-- recorded_ms: when the gateway learnt it (the gateway's clock). 'raised' and 'sent' come from alerts and outbox;
-- the view alert_history below puts them all on one line.
CREATE TABLE alert_events (
    id          INTEGER PRIMARY KEY,
    alert_id    INTEGER NOT NULL REFERENCES alerts (id),
    event       TEXT    NOT NULL,
    at_ms       INTEGER NOT NULL,
    recorded_ms INTEGER NOT NULL,
    detail      TEXT
);
CREATE INDEX alert_events_alert ON alert_events (alert_id, id);

-- The acknowledgement poll's cursor: the newest Task meta.lastUpdated seen (care record's clock). One row.
CREATE TABLE ack_cursor (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    last_updated_ms INTEGER NOT NULL,
    polled_ms       INTEGER NOT NULL
);

-- One row per escalated alert: at most one escalation each, ever. The two channels (local MQTT notice, the Task's
-- businessStatus in the care record) are retried independently until done.
CREATE TABLE escalations (
    alert_id      INTEGER PRIMARY KEY REFERENCES alerts (id),
    escalated_ms  INTEGER NOT NULL,
    notified_ms   INTEGER,
    recorded_ms   INTEGER,
    outcome       TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    not_before_ms INTEGER NOT NULL,
    last_error    TEXT
);

-- The daemon's latest health snapshot (JSON), for `hearth-gateway health` in another process. One row.
CREATE TABLE health_snapshot (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    at_ms  INTEGER NOT NULL,
    body   TEXT    NOT NULL
);

-- A late delivery confirmation (a retry whose first response was lost) must not move an acknowledged alert back to
-- 'sent': 'sent' only ever follows 'raised'. Enforced here so that every writer of alerts.state obeys it.
CREATE TRIGGER alerts_sent_only_after_raised BEFORE UPDATE OF state ON alerts
WHEN new.state = 'sent' AND old.state <> 'raised'
BEGIN
    SELECT RAISE(IGNORE);
END;

-- The whole lifecycle of each alert: ORDER BY recorded_ms, stage, seq.
CREATE VIEW alert_history AS
    SELECT a.identifier, 'raised' AS event, a.raised_ms AS at_ms, a.raised_ms AS recorded_ms, NULL AS detail,
           0 AS stage, 0 AS seq
      FROM alerts a
    UNION ALL
    SELECT a.identifier, 'sent', o.delivered_ms, o.delivered_ms, o.references_, 1, 0
      FROM alerts a JOIN outbox o ON o.identifier = a.identifier
     WHERE o.delivered_ms IS NOT NULL
    UNION ALL
    SELECT a.identifier, e.event, e.at_ms, e.recorded_ms, e.detail, 2, e.id
      FROM alert_events e JOIN alerts a ON a.id = e.alert_id;
