-- What each assistant thread remembers (its figures, language, Slack's context), so a follow-up answered by
-- another replica builds on the same figures.
CREATE TABLE assistant_threads (
  key text PRIMARY KEY,
  state jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistant_threads_by_time ON assistant_threads (updated_at);
