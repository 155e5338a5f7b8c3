-- Proposals from the pane: a new use case, a change to a template, or a new template, in one committee queue.
ALTER TABLE feedback ADD COLUMN proposal text CHECK (proposal IN ('use-case', 'template-change', 'new-template'));
