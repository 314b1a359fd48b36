-- KieBot schema, PostgreSQL. Times are Unix milliseconds (bigint); credits are integer hundredths (bigint).

CREATE TABLE users (
    id            BIGINT PRIMARY KEY,
    username      TEXT NULL,
    language      TEXT NULL,
    blocked       BOOLEAN NOT NULL DEFAULT FALSE,
    referrer_id   BIGINT NULL,
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL
);

CREATE TABLE conversations (
    user_id     BIGINT PRIMARY KEY,
    state       TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX conversations_updated ON conversations (updated_at);

CREATE TABLE balances (
    user_id     BIGINT PRIMARY KEY,
    available   BIGINT NOT NULL DEFAULT 0 CHECK (available >= 0),
    reserved    BIGINT NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    updated_at  BIGINT NOT NULL
);

CREATE TABLE ledger (
    id               BIGSERIAL PRIMARY KEY,
    idem_key         TEXT NOT NULL UNIQUE,
    user_id          BIGINT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('grant', 'topup', 'reserve', 'capture', 'release', 'adjust', 'rejected')),
    amount           BIGINT NOT NULL CHECK (amount >= 0),
    available_delta  BIGINT NOT NULL,
    reserved_delta   BIGINT NOT NULL,
    reservation_key  TEXT NULL,
    resolution       TEXT NULL CHECK (resolution IN ('capture', 'release')),
    reason           TEXT NULL,
    note             TEXT NULL,
    dry_run          BOOLEAN NOT NULL,
    created_at       BIGINT NOT NULL
);
CREATE INDEX ledger_user ON ledger (user_id, id);
CREATE INDEX ledger_dry_run ON ledger (created_at) WHERE dry_run;

CREATE TABLE generations (
    id                 TEXT PRIMARY KEY,
    user_id            BIGINT NOT NULL,
    chat_id            BIGINT NOT NULL,
    model_id           TEXT NOT NULL,
    mode_id            TEXT NOT NULL,
    kie_model          TEXT NOT NULL,
    api                TEXT NOT NULL,
    input_json         TEXT NOT NULL,
    price              BIGINT NOT NULL CHECK (price >= 0),
    reservation_key    TEXT NULL,
    state              TEXT NOT NULL CHECK (state IN ('created', 'submitted', 'running', 'succeeded', 'failed', 'refunded', 'cancelled')),
    kie_task_id        TEXT NULL,
    result_urls        TEXT NULL,
    result_text        TEXT NULL,
    error_kind         TEXT NULL,
    error_code         TEXT NULL,
    error_message      TEXT NULL,
    dry_run            BOOLEAN NOT NULL,
    status_message_id  BIGINT NULL,
    attempts           INTEGER NOT NULL DEFAULT 0,
    locked_until       BIGINT NULL,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    finished_at        BIGINT NULL
);
CREATE UNIQUE INDEX generations_task ON generations (kie_task_id) WHERE kie_task_id IS NOT NULL;
CREATE INDEX generations_user ON generations (user_id, created_at);
CREATE INDEX generations_in_flight ON generations (created_at) WHERE state IN ('created', 'submitted', 'running');

CREATE TABLE payments (
    id                  TEXT PRIMARY KEY,
    provider            TEXT NOT NULL,
    external_charge_id  TEXT NOT NULL,
    user_id             BIGINT NOT NULL,
    amount              BIGINT NOT NULL,
    currency            TEXT NOT NULL,
    credits             BIGINT NOT NULL,
    status              TEXT NOT NULL,
    payload             TEXT NULL,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    UNIQUE (provider, external_charge_id)
);
CREATE INDEX payments_user ON payments (user_id, created_at);

CREATE TABLE processed_updates (
    update_id     BIGINT PRIMARY KEY,
    processed_at  BIGINT NOT NULL
);
CREATE INDEX processed_updates_time ON processed_updates (processed_at);

CREATE TABLE error_events (
    id          BIGSERIAL PRIMARY KEY,
    source      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    code        TEXT NULL,
    message     TEXT NOT NULL,
    context     TEXT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX error_events_time ON error_events (created_at);

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);
