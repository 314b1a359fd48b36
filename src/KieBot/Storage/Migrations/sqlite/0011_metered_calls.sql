-- Chat calls billed by the tokens KIE counts: the reservation of an upper bound, the answer with its usage (kept
-- before the capture, so a host that dies in between is settled once after a restart) and how it was settled.
CREATE TABLE metered_calls (
    id               TEXT PRIMARY KEY,
    user_id          BIGINT NOT NULL,
    chat_id          BIGINT NOT NULL,
    purpose          TEXT NOT NULL,
    thread           TEXT NOT NULL,
    chat_model       TEXT NOT NULL,
    prompt           TEXT NOT NULL,
    reservation_key  TEXT NULL,
    reserved         BIGINT NOT NULL CHECK (reserved >= 0),
    free_day         TEXT NULL,
    state            TEXT NOT NULL CHECK (state IN ('started', 'answered', 'settled', 'failed', 'refunded')),
    input_tokens     INTEGER NULL,
    output_tokens    INTEGER NULL,
    charge           BIGINT NULL CHECK (charge >= 0),
    answer           TEXT NULL,
    error            TEXT NULL,
    dry_run          INTEGER NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX metered_calls_unsettled ON metered_calls (updated_at) WHERE state IN ('started', 'answered', 'failed');
CREATE INDEX metered_calls_thread ON metered_calls (user_id, thread, created_at);
CREATE INDEX metered_calls_free ON metered_calls (user_id, purpose, free_day) WHERE free_day IS NOT NULL;
