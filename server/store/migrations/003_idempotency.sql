-- Idempotent saves: a retried POST /api/minutes with the same Idempotency-Key answers the first response.

CREATE TABLE idempotency_keys (
  user_id     text NOT NULL,
  key         text NOT NULL,
  status      integer,
  response    jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
