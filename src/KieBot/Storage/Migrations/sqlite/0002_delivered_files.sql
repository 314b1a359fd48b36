-- Telegram file ids of a generation's delivered results, so history can re-send them after KIE's URLs expire.
ALTER TABLE generations ADD COLUMN delivered TEXT NULL;
