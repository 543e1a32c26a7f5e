-- Issue 15: a PA's capacity flag (lapsing like a provider's), medical and texture diets,
-- LGBT+ inclusive, and providers' delivery modes. Every existing PA takes new clients, confirmed
-- when the record was (a NULL `accepting_confirmed_on` means `last_confirmed_on`); every existing
-- provider works in person.
ALTER TABLE carers ADD COLUMN accepting_new_clients BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE carers ADD COLUMN accepting_confirmed_on DATE;
ALTER TABLE carers ADD COLUMN medical_diets TEXT NOT NULL DEFAULT '';
ALTER TABLE carers ADD COLUMN lgbt_inclusive BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE providers ADD COLUMN medical_diets TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN lgbt_inclusive BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE providers ADD COLUMN delivery_modes TEXT NOT NULL DEFAULT 'in_person';
