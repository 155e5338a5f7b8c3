-- Audit anchoring: each event carries an HMAC under AUDIT_KEY, a key the database never holds, so an event appended
-- with the public hash recipe alone no longer verifies.

ALTER TABLE audit_events ADD COLUMN hmac text;
