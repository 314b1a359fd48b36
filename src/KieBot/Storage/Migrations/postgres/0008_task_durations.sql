-- How long KIE took from create to done, per mode and the parameters that drive the work (the newest 200 of each kept).
CREATE TABLE task_durations (
    key         TEXT NOT NULL,
    seconds     DOUBLE PRECISION NOT NULL CHECK (seconds > 0),
    finished_at BIGINT NOT NULL
);
CREATE INDEX task_durations_key ON task_durations (key, finished_at);
