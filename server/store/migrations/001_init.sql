-- Generations (one per "Générer") and the minutes advisers validated and saved from them.

CREATE TABLE generations (
  id                  uuid PRIMARY KEY,
  user_id             text NOT NULL,
  task                text NOT NULL,
  pre_prompt_id       text NOT NULL,
  pre_prompt_version  integer NOT NULL,
  pre_prompt_sha256   text NOT NULL,
  provider_name       text NOT NULL,
  provider_model      text NOT NULL,
  provider_region     text NOT NULL,
  degraded            boolean NOT NULL,
  input_tokens        integer NOT NULL,
  output_tokens       integer NOT NULL,
  latency_ms          integer NOT NULL,
  energy_wh           double precision NOT NULL,
  gco2eq              double precision NOT NULL,
  pseudonymised       integer NOT NULL DEFAULT 0,
  has_health_data     boolean NOT NULL DEFAULT false,
  ungrounded          jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- What the adviser sent; purged by the retention job (nullable for that reason).
  notes               text,
  source              text,
  context             jsonb,
  pseudonym_map       jsonb,
  draft               text,
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX generations_user_created ON generations (user_id, created_at DESC);

CREATE TABLE minutes (
  id                  uuid PRIMARY KEY,
  generation_id       uuid NOT NULL REFERENCES generations (id),
  user_id             text NOT NULL,
  task                text NOT NULL,
  text                text NOT NULL,
  ai_share            double precision NOT NULL CHECK (ai_share >= 0 AND ai_share <= 1),
  transparency_case   text NOT NULL CHECK (transparency_case IN ('ai-only', 'ai-validated', 'human-with-ai')),
  transparency_label  text,
  validated_by        text NOT NULL,
  validated_at        timestamptz NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX minutes_user ON minutes (user_id, created_at DESC);
CREATE INDEX minutes_generation ON minutes (generation_id);
