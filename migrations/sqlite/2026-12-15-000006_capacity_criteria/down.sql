ALTER TABLE providers DROP COLUMN delivery_modes;
ALTER TABLE providers DROP COLUMN lgbt_inclusive;
ALTER TABLE providers DROP COLUMN medical_diets;
ALTER TABLE carers DROP COLUMN lgbt_inclusive;
ALTER TABLE carers DROP COLUMN medical_diets;
ALTER TABLE carers DROP COLUMN accepting_confirmed_on;
ALTER TABLE carers DROP COLUMN accepting_new_clients;
