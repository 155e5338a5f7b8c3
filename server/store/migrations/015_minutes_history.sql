-- "Mes comptes rendus": each saved text keeps the template and the member reference of its generation (the
-- generation's context is purged after RETENTION_DAYS, the minutes live until MINUTES_RETENTION_DAYS), and the
-- adviser's list is read newest first with a keyset cursor on (created_at, id).
ALTER TABLE minutes ADD COLUMN template text;
ALTER TABLE minutes ADD COLUMN member_id text;
UPDATE minutes m SET template = g.template, member_id = g.context->>'memberId'
  FROM generations g WHERE g.id = m.generation_id;
CREATE INDEX minutes_user_created_id ON minutes (user_id, created_at DESC, id DESC);
CREATE INDEX minutes_user_member ON minutes (user_id, member_id, created_at DESC);
