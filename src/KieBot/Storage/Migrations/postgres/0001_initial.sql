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

-- The ledger's two writes as functions: one round trip per call, same rules as the portable SQL of the SQLite store.
-- The row is inserted first under its unique key, so a concurrent call with the same key waits for the first and
-- then answers with its row; a refused move turns the row into 'rejected' with zero deltas.
CREATE FUNCTION ledger_move(p_key TEXT, p_user BIGINT, p_kind TEXT, p_amount BIGINT, p_available BIGINT, p_reserved BIGINT,
                            p_reason TEXT, p_note TEXT, p_dry_run BOOLEAN, p_now BIGINT)
RETURNS TABLE (outcome TEXT, entry ledger)
LANGUAGE plpgsql AS $$
DECLARE
    r ledger;
    allowed BOOLEAN;
BEGIN
    INSERT INTO ledger AS l (idem_key, user_id, kind, amount, available_delta, reserved_delta, reservation_key, resolution, reason, note, dry_run, created_at)
    VALUES (p_key, p_user, p_kind, p_amount, p_available, p_reserved, NULL, NULL, p_reason, p_note, p_dry_run, p_now)
    ON CONFLICT (idem_key) DO NOTHING
    RETURNING l.* INTO r;
    IF NOT FOUND THEN
        SELECT l.* INTO r FROM ledger l WHERE l.idem_key = p_key;
        RETURN QUERY SELECT 'replayed'::TEXT, r;
        RETURN;
    END IF;

    IF p_available >= 0 AND p_reserved >= 0 THEN
        allowed := TRUE;
        IF NOT p_dry_run THEN
            INSERT INTO balances AS b (user_id, available, reserved, updated_at) VALUES (p_user, p_available, p_reserved, p_now)
            ON CONFLICT (user_id) DO UPDATE SET available = b.available + EXCLUDED.available,
                reserved = b.reserved + EXCLUDED.reserved, updated_at = EXCLUDED.updated_at;
        END IF;
    ELSIF p_dry_run THEN
        allowed := EXISTS (SELECT 1 FROM balances b WHERE b.user_id = p_user AND b.available + p_available >= 0 AND b.reserved + p_reserved >= 0);
    ELSE
        UPDATE balances b SET available = b.available + p_available, reserved = b.reserved + p_reserved, updated_at = p_now
        WHERE b.user_id = p_user AND b.available + p_available >= 0 AND b.reserved + p_reserved >= 0;
        allowed := FOUND;
    END IF;

    IF NOT allowed THEN
        UPDATE ledger l SET kind = 'rejected', available_delta = 0, reserved_delta = 0 WHERE l.id = r.id RETURNING l.* INTO r;
    END IF;
    RETURN QUERY SELECT CASE WHEN allowed THEN 'applied' ELSE 'rejected' END::TEXT, r;
END;
$$;

-- Captures or releases a reservation once: the reservation row is resolved by a conditional UPDATE, so of any number
-- of concurrent calls exactly one moves the balance.
CREATE FUNCTION ledger_resolve(p_reservation TEXT, p_key TEXT, p_kind TEXT, p_now BIGINT)
RETURNS TABLE (outcome TEXT, entry ledger)
LANGUAGE plpgsql AS $$
DECLARE
    r ledger;
    res ledger;
BEGIN
    -- A replayed key finds its reservation already resolved, so the lookup of the key below answers it.
    UPDATE ledger l SET resolution = p_kind
    WHERE l.idem_key = p_reservation AND l.kind = 'reserve' AND l.resolution IS NULL
    RETURNING l.* INTO res;
    IF NOT FOUND THEN
        SELECT l.* INTO r FROM ledger l WHERE l.idem_key = p_key;
        IF FOUND THEN
            RETURN QUERY SELECT 'replayed'::TEXT, r;
            RETURN;
        END IF;
        SELECT l.* INTO r FROM ledger l WHERE l.idem_key = p_reservation AND l.kind = 'reserve';
        IF FOUND THEN
            RETURN QUERY SELECT 'resolved'::TEXT, r;
        ELSE
            RETURN QUERY SELECT 'missing'::TEXT, NULL::ledger;
        END IF;
        RETURN;
    END IF;

    INSERT INTO ledger (idem_key, user_id, kind, amount, available_delta, reserved_delta, reservation_key, resolution, reason, note, dry_run, created_at)
    VALUES (p_key, res.user_id, p_kind, res.amount, CASE WHEN p_kind = 'release' THEN res.amount ELSE 0 END, -res.amount,
            p_reservation, NULL, NULL, NULL, res.dry_run, p_now)
    ON CONFLICT (idem_key) DO NOTHING
    RETURNING * INTO r;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'ledger key % is already used by another operation', p_key USING ERRCODE = 'unique_violation';
    END IF;
    IF NOT res.dry_run THEN
        UPDATE balances b SET available = b.available + r.available_delta, reserved = b.reserved + r.reserved_delta, updated_at = p_now
        WHERE b.user_id = res.user_id;
    END IF;
    RETURN QUERY SELECT 'applied'::TEXT, r;
END;
$$;

-- Many ledger calls in one transaction, in the given order (ord is 1-based). Used by the store's batcher: calls that
-- arrive while a batch is being written go together in the next one, so many users' calls share one commit.
CREATE FUNCTION ledger_batch(p_ops TEXT[], p_keys TEXT[], p_users BIGINT[], p_kinds TEXT[], p_amounts BIGINT[],
                             p_available BIGINT[], p_reserved BIGINT[], p_reasons TEXT[], p_notes TEXT[],
                             p_dry BOOLEAN[], p_reservations TEXT[], p_now BIGINT)
RETURNS TABLE (ord INTEGER, outcome TEXT, entry ledger)
LANGUAGE plpgsql AS $$
BEGIN
    FOR i IN 1 .. COALESCE(array_length(p_ops, 1), 0) LOOP
        IF p_ops[i] = 'move' THEN
            RETURN QUERY SELECT i, f.outcome, f.entry
                FROM ledger_move(p_keys[i], p_users[i], p_kinds[i], p_amounts[i], p_available[i], p_reserved[i], p_reasons[i], p_notes[i], p_dry[i], p_now) f;
        ELSE
            RETURN QUERY SELECT i, f.outcome, f.entry FROM ledger_resolve(p_reservations[i], p_keys[i], p_kinds[i], p_now) f;
        END IF;
    END LOOP;
END;
$$;
