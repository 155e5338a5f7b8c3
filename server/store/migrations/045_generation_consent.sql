-- A generation drafted from a recorded interview (issue 17) carries the member's consent: the transcription it came
-- from and when the consent was given. Checked against the transcription's audit event, which is never purged.
ALTER TABLE generations ADD COLUMN IF NOT EXISTS transcription_id uuid;
ALTER TABLE generations ADD COLUMN IF NOT EXISTS transcription_consent_at timestamptz;

-- The consent check and the committee's footprint read transcription events by recording id and month.
CREATE INDEX IF NOT EXISTS audit_events_transcription_idx ON audit_events ((payload ->> 'recordingId')) WHERE kind = 'transcription';
