-- A carer's consent to show their faith publicly and be matched on it by anyone but the
-- holding agency (docs/api.md, "Privacy model"). Off for every existing carer.
ALTER TABLE carers ADD COLUMN faith_public_consent BOOLEAN NOT NULL DEFAULT FALSE;
