-- Issue 18, PA self-registration: when a PA's e-mail was confirmed by following their confirm
-- link. Only then does their registration reach the agency they chose (docs/listings.md).
ALTER TABLE api_keys ADD COLUMN email_confirmed_at TIMESTAMP;
