-- Stars invoices: the amount is fixed when the invoice is sent; its payload names the row.
CREATE TABLE invoices (
    id          TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    credits     BIGINT NOT NULL CHECK (credits > 0),
    stars       BIGINT NOT NULL CHECK (stars > 0),
    status      TEXT NOT NULL CHECK (status IN ('open', 'paid')),
    charge_id   TEXT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    paid_at     BIGINT NULL
);
CREATE INDEX invoices_user ON invoices (user_id, created_at);
