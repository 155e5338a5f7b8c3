-- The delivery outbox: every validated record (and every deletion) becomes one event, written in the transaction
-- that saves (or deletes) the minutes, then one delivery per configured webhook receiver. Events are numbered in
-- commit order (the writer holds a transaction advisory lock while it takes the number), so `seq` is the cursor of
-- GET /api/exports and a reader that resumes after a seq never misses one committed later with a smaller number.

CREATE TABLE outbox_events (
  seq         bigserial PRIMARY KEY,
  -- The webhook-id: stable per record and event type, so a receiver deduplicates retries and replays.
  id          text NOT NULL UNIQUE,
  type        text NOT NULL CHECK (type IN ('minutes.validated', 'minutes.deleted')),
  minutes_id  uuid NOT NULL,
  -- The exact JSON body sent (signed as is); NULL once the record is deleted, so its text leaves the outbox too.
  body        text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_events_minutes ON outbox_events (minutes_id);

CREATE TABLE outbox_deliveries (
  id               uuid PRIMARY KEY,
  event_seq        bigint NOT NULL REFERENCES outbox_events (seq) ON DELETE CASCADE,
  receiver         text NOT NULL,
  state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead', 'cancelled')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  -- A claim is a lease: a worker killed mid-delivery leaves it to expire, and another worker retries.
  locked_until     timestamptz,
  claim_token      uuid,
  last_status      integer,
  last_error       text,
  delivered_at     timestamptz,
  dead_at          timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_seq, receiver)
);
CREATE INDEX outbox_deliveries_due ON outbox_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX outbox_deliveries_dead ON outbox_deliveries (dead_at) WHERE state = 'dead';
