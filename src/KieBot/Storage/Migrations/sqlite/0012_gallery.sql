-- The gallery pages a user's generations newest first by (created_at, id): one index serves every page at the same cost.
CREATE INDEX generations_user_page ON generations (user_id, created_at DESC, id DESC);
DROP INDEX generations_user;
