DROP TABLE saved_plans;
DROP TABLE census_counts;
DROP TABLE authority_boundaries;
DROP TABLE local_authorities;
