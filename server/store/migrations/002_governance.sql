-- Governance: the tamper-evident audit log, advisers' feedback and proposed use cases, pre-prompt versions, secrets.

CREATE TABLE audit_events (
  seq          integer PRIMARY KEY,
  id           uuid NOT NULL UNIQUE,
  occurred_at  timestamptz NOT NULL,
  -- Pseudonymous actor (HMAC of the user id): the committee never sees who in clear.
  actor        text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('generation', 'save', 'feedback', 'config')),
  payload      jsonb NOT NULL,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);

-- Append-only: no role may change or remove an event through SQL (a superuser can still disable the trigger,
-- which the hash chain then reveals).
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;

CREATE TABLE feedback (
  id             uuid PRIMARY KEY,
  user_id        text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('rating', 'use-case')),
  generation_id  uuid REFERENCES generations (id),
  task           text,
  rating         text CHECK (rating IN ('up', 'down')),
  comment        text,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_created ON feedback (created_at DESC);

CREATE TABLE pre_prompt_versions (
  id             text PRIMARY KEY,
  task           text NOT NULL,
  version        integer NOT NULL,
  sha256         text NOT NULL,
  text           text NOT NULL,
  first_seen_at  timestamptz NOT NULL DEFAULT now(),
  first_used_at  timestamptz
);

CREATE TABLE app_secrets (
  name   text PRIMARY KEY,
  value  text NOT NULL
);
