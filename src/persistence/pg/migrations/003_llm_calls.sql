-- Model calls, so the per-user hourly limit and the daily budget hold across replicas.
CREATE TABLE llm_calls (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX llm_calls_by_user ON llm_calls (user_id, at);
CREATE INDEX llm_calls_by_time ON llm_calls (at);
