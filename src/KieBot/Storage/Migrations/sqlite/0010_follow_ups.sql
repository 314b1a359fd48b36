-- A follow-up (an extension, an upscale, a higher resolution) records the generation it continues.
ALTER TABLE generations ADD COLUMN parent_id TEXT;
CREATE INDEX generations_parent ON generations (parent_id) WHERE parent_id IS NOT NULL;
