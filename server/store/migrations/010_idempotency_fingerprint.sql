-- Idempotency keys remember what they were first sent with: the same key with another body is refused (422),
-- never answered with the first body's result (IETF draft "The Idempotency-Key HTTP Header Field").

ALTER TABLE idempotency_keys ADD COLUMN fingerprint text;
