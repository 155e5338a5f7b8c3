-- Pre-prompt governance: versions live here with a lifecycle (draft → evaluated → approved → active → retired),
-- an author, a named approver and a written reason; evaluations are stored per version; transitions are audited.

ALTER TABLE pre_prompt_versions ADD COLUMN template text;
ALTER TABLE pre_prompt_versions ADD COLUMN state text NOT NULL DEFAULT 'active'
  CHECK (state IN ('draft', 'evaluated', 'approved', 'active', 'retired'));
ALTER TABLE pre_prompt_versions ADD COLUMN author text;
ALTER TABLE pre_prompt_versions ADD COLUMN author_name text;
ALTER TABLE pre_prompt_versions ADD COLUMN based_on text;
ALTER TABLE pre_prompt_versions ADD COLUMN approved_by text;
ALTER TABLE pre_prompt_versions ADD COLUMN approved_by_name text;
ALTER TABLE pre_prompt_versions ADD COLUMN approval_reason text;
ALTER TABLE pre_prompt_versions ADD COLUMN justification text;
ALTER TABLE pre_prompt_versions ADD COLUMN approved_at timestamptz;
ALTER TABLE pre_prompt_versions ADD COLUMN activated_at timestamptz;
ALTER TABLE pre_prompt_versions ADD COLUMN retired_at timestamptz;

-- The old column held `task` or `task.template`: split it so a template is its own field.
UPDATE pre_prompt_versions SET template = split_part(task, '.', 2), task = split_part(task, '.', 1) WHERE position('.' in task) > 0;
-- Versions recorded before governance: the newest of each task and template stays in force, older ones are retired.
UPDATE pre_prompt_versions p SET state = 'retired', retired_at = now()
  WHERE EXISTS (SELECT 1 FROM pre_prompt_versions q WHERE q.task = p.task AND coalesce(q.template, '') = coalesce(p.template, '') AND q.version > p.version);

-- Exactly one version in force per task and template.
CREATE UNIQUE INDEX pre_prompt_versions_one_active ON pre_prompt_versions (task, coalesce(template, '')) WHERE state = 'active';
CREATE UNIQUE INDEX pre_prompt_versions_number ON pre_prompt_versions (task, coalesce(template, ''), version);

CREATE TABLE pre_prompt_evaluations (
  id           uuid PRIMARY KEY,
  version_id   text NOT NULL REFERENCES pre_prompt_versions (id),
  status       text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  done         integer NOT NULL DEFAULT 0,
  total        integer NOT NULL,
  scores       jsonb,
  cases        jsonb,
  error        text,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
CREATE INDEX pre_prompt_evaluations_version ON pre_prompt_evaluations (version_id, started_at DESC);

-- Lifecycle transitions are audit events of their own kind.
ALTER TABLE audit_events DROP CONSTRAINT IF EXISTS audit_events_kind_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_kind_check CHECK (kind IN ('generation', 'save', 'feedback', 'config', 'preprompt'));
