-- Each user's own settings (the reply language), shared by every replica.
CREATE TABLE user_preferences (
  user_id text PRIMARY KEY,
  data jsonb NOT NULL
);
