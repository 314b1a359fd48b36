-- Free daily generations: the day (in the configured time zone) a free generation counts against; NULL when paid.
ALTER TABLE generations ADD COLUMN free_day TEXT NULL;
CREATE INDEX generations_free ON generations (user_id, free_day) WHERE free_day IS NOT NULL;
