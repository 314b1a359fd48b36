-- Manual bank transfers: a receipt the user sent, credited only when the admin approves it (once).
CREATE TABLE bank_transfers (
    id          TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    chat_id     BIGINT NOT NULL,
    kopecks     BIGINT NOT NULL CHECK (kopecks > 0),
    credits     BIGINT NOT NULL CHECK (credits > 0),
    file_id     TEXT NOT NULL,
    file_kind   TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by  BIGINT NULL,
    created_at  BIGINT NOT NULL,
    decided_at  BIGINT NULL
);
CREATE INDEX bank_transfers_pending ON bank_transfers (created_at) WHERE status = 'pending';
CREATE INDEX bank_transfers_user ON bank_transfers (user_id, created_at);
