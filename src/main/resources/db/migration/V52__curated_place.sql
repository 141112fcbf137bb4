-- Places curators add to the gazetteer shipped with the app (towns it lacks, postcode districts),
-- found by the search page's "near" field like the rest.
CREATE TABLE dir_place (
    id UUID PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    region VARCHAR(100),
    country VARCHAR(2) NOT NULL,
    postcode VARCHAR(10),
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    population INTEGER NOT NULL,
    added_by VARCHAR(100) NOT NULL,
    added_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX dir_place_key ON dir_place (country, name, region);
