-- Insurer templates: a generation may follow a template of its task (its own sections and pre-prompt).
ALTER TABLE generations ADD COLUMN template text;
