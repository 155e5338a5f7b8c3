-- Recordings of interviews (issue 17): metadata only. The audio lives in DATA_DIR/recordings/<id>/ until it is
-- transcribed (AUDIO_RETENTION_HOURS, 0 by default); no audio and no transcript text is ever written to the audit log.
CREATE TABLE IF NOT EXISTS recordings (
  id               uuid PRIMARY KEY,
  user_id          text NOT NULL,
  consent_at       timestamptz NOT NULL,
  mime_type        text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  status           text NOT NULL DEFAULT 'recording' CHECK (status IN ('recording', 'transcribed')),
  -- chunk number -> {bytes, sha256}; never the audio itself.
  chunks           jsonb NOT NULL DEFAULT '{}'::jsonb,
  bytes            bigint NOT NULL DEFAULT 0,
  duration_s       double precision,
  transcribed_at   timestamptz,
  audio_deleted_at timestamptz,
  -- The transcription answer, kept like a source so a lost response can be asked again; purged with the notes.
  result           jsonb
);
CREATE INDEX IF NOT EXISTS recordings_user_idx ON recordings (user_id, created_at DESC);

-- A transcription is an audited event of its own kind (duration, provider, consent; no audio, no text).
ALTER TABLE audit_events DROP CONSTRAINT IF EXISTS audit_events_kind_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_kind_check CHECK (kind IN ('generation', 'save', 'feedback', 'config', 'preprompt', 'transcription'));
