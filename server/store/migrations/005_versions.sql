-- Version history of a draft: AI edits are generations with a parent; manual edits are versions of their own.

ALTER TABLE generations ADD COLUMN parent_id uuid REFERENCES generations (id);
ALTER TABLE generations ADD COLUMN root_id uuid;
ALTER TABLE generations ADD COLUMN revise_instruction text;
UPDATE generations SET root_id = id WHERE root_id IS NULL;
CREATE INDEX generations_root ON generations (root_id, created_at);

CREATE TABLE manual_versions (
  id          uuid PRIMARY KEY,
  root_id     uuid NOT NULL,
  user_id     text NOT NULL,
  text        text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX manual_versions_root ON manual_versions (root_id, created_at);
