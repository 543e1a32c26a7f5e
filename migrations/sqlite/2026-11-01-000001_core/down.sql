DROP TABLE changes;
DROP TABLE providers;
DROP TABLE carers;
DROP TABLE api_keys;
DROP TABLE agencies;
