ALTER TABLE api_keys DROP COLUMN email_confirmed_at;
