-- Verified LLM answers by question (hashed), dataset version, language and figures, so a question asked again on
-- any replica within the hour costs no model call.
CREATE TABLE llm_answers (
  key_hash text PRIMARY KEY,
  value jsonb NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX llm_answers_by_time ON llm_answers (at);
