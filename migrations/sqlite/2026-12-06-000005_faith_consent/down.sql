ALTER TABLE carers DROP COLUMN faith_public_consent;
