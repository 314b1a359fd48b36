-- Several hosts on one database, and outages that must lose nothing.
-- An update is claimed when its handling starts and done when it ends: a re-delivery of an update that never
-- finished (the database or Telegram failed under it) is handled again; a done one is a repeat.
ALTER TABLE processed_updates ADD COLUMN done INTEGER NOT NULL DEFAULT 1;
ALTER TABLE processed_updates ADD COLUMN holder TEXT NULL;
ALTER TABLE processed_updates ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
-- The update a conversation was last saved by: an older update finishing later never overwrites newer state.
ALTER TABLE conversations ADD COLUMN update_id BIGINT NOT NULL DEFAULT 0;
-- One summary, one generation, whichever host the press reaches.
ALTER TABLE generations ADD COLUMN summary_key TEXT NULL;
CREATE UNIQUE INDEX generations_summary ON generations (summary_key) WHERE summary_key IS NOT NULL;
-- The tracker's lease: who holds the row (null while it waits for its next read), and a KIE callback that came while
-- it was held (the holder then reads it again at once).
ALTER TABLE generations ADD COLUMN leased_by TEXT NULL;
ALTER TABLE generations ADD COLUMN hurried INTEGER NOT NULL DEFAULT 0;
-- The parts of a result Telegram has accepted so far (JSON list; a file id, or "" for a part sent as a link), written
-- as each is sent: a host that dies mid-delivery leaves the rest, not the whole result, to the next one.
ALTER TABLE generations ADD COLUMN sent_parts TEXT NULL;
