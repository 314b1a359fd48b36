-- Promo codes: credits per redemption, a use limit, an optional expiry; each user redeems a code once.
CREATE TABLE promo_codes (
    code        TEXT PRIMARY KEY,
    credits     BIGINT NOT NULL CHECK (credits > 0),
    max_uses    INTEGER NOT NULL CHECK (max_uses > 0),
    uses        INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0),
    expires_at  BIGINT NULL,
    created_by  BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    CHECK (uses <= max_uses)
);

CREATE TABLE promo_redemptions (
    code        TEXT NOT NULL,
    user_id     BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (code, user_id)
);
