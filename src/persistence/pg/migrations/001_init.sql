-- The whole state of the bot, for deployments with several replicas.

-- The dataset: the current version (one row), every version kept (the backups), and the audit log.
CREATE TABLE dataset_head (
  id smallint PRIMARY KEY CHECK (id = 1),
  version integer NOT NULL,
  data text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dataset_versions (
  version integer PRIMARY KEY,
  data text NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('pending', 'committed', 'aborted', 'denied')),
  change_id text,
  entry jsonb NOT NULL,
  at timestamptz NOT NULL
);
-- A confirmation applies once, whichever replica receives the click.
CREATE UNIQUE INDEX audit_log_change_once ON audit_log (change_id) WHERE status = 'committed' AND change_id IS NOT NULL;

CREATE TABLE pending_edits (
  change_id text PRIMARY KEY,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

-- Digests: subscriptions, the ledger of slots (one row per channel and slot), snapshots.
CREATE TABLE subscriptions (
  channel_id text PRIMARY KEY,
  data jsonb NOT NULL
);

CREATE TABLE digest_ledger (
  key text PRIMARY KEY,
  channel_id text NOT NULL,
  slot timestamptz NOT NULL,
  entry jsonb NOT NULL
);
CREATE INDEX digest_ledger_by_channel ON digest_ledger (channel_id, slot DESC);

CREATE TABLE digest_snapshots (
  hash text PRIMARY KEY,
  data text NOT NULL
);

-- Slack deliveries already handled (retries and replays arrive at any replica).
CREATE TABLE slack_deliveries (
  id text PRIMARY KEY,
  seen_at timestamptz NOT NULL DEFAULT now()
);
