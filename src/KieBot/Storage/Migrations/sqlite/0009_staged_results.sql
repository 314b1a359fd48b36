-- Results KIE sends in stages (Suno: text, first, complete), kept so that a restart or another host neither loses nor
-- repeats what the user was sent:
-- the preview (the first track's stream while Suno makes the rest), sent once;
ALTER TABLE generations ADD COLUMN previewed INTEGER NOT NULL DEFAULT 0;
-- the tracks of the result (JSON list: audio URL, title, cover art, lyrics), delivered with their titles and covers;
ALTER TABLE generations ADD COLUMN result_tracks TEXT NULL;
-- the failure code a callback reported (Suno's 531, KIE refunded its credits), which KIE's record may not carry.
ALTER TABLE generations ADD COLUMN callback_fail_code TEXT NULL;
