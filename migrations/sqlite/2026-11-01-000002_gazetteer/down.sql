DROP TABLE postcode_districts;
DROP TABLE postcode_sectors;
DROP TABLE postcodes;
