-- The directory of outside support, shaped on Open Referral HSDS 3 (ids are UUIDs, names follow HSDS).

CREATE TABLE dir_organization (
    id UUID PRIMARY KEY,
    name VARCHAR(300) NOT NULL,
    alternate_name VARCHAR(300),
    description VARCHAR(4000) NOT NULL,
    email VARCHAR(300),
    website VARCHAR(1000),
    last_modified TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE dir_service (
    id UUID PRIMARY KEY,
    organization_id UUID REFERENCES dir_organization (id),
    name VARCHAR(300) NOT NULL,
    alternate_name VARCHAR(300),
    description VARCHAR(4000),
    url VARCHAR(1000),
    email VARCHAR(300),
    status VARCHAR(20) NOT NULL,
    interpretation_services VARCHAR(1000),
    application_process VARCHAR(2000),
    fees_description VARCHAR(1000),
    free BOOLEAN NOT NULL,
    eligibility_description VARCHAR(2000),
    accessibility VARCHAR(1000),
    service_area VARCHAR(500),
    minimum_age INTEGER,
    maximum_age INTEGER,
    age_group VARCHAR(20) NOT NULL,
    channels VARCHAR(100) NOT NULL,
    country VARCHAR(2) NOT NULL,
    region VARCHAR(100),
    time_zone VARCHAR(60) NOT NULL,
    is_national BOOLEAN NOT NULL,
    demo BOOLEAN NOT NULL,
    source VARCHAR(1000),
    assured_date DATE,
    assurer_email VARCHAR(300),
    last_modified TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dir_service_org ON dir_service (organization_id);

CREATE TABLE dir_location (
    id UUID PRIMARY KEY,
    organization_id UUID REFERENCES dir_organization (id),
    location_type VARCHAR(20) NOT NULL,
    name VARCHAR(300),
    description VARCHAR(2000),
    accessibility VARCHAR(1000),
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION
);

CREATE TABLE dir_address (
    id UUID PRIMARY KEY,
    location_id UUID NOT NULL REFERENCES dir_location (id) ON DELETE CASCADE,
    address_1 VARCHAR(300) NOT NULL,
    address_2 VARCHAR(300),
    city VARCHAR(200) NOT NULL,
    region VARCHAR(200),
    state_province VARCHAR(200) NOT NULL,
    postal_code VARCHAR(40) NOT NULL,
    country VARCHAR(2) NOT NULL,
    address_type VARCHAR(20) NOT NULL
);
CREATE INDEX dir_address_location ON dir_address (location_id);

CREATE TABLE dir_service_at_location (
    id UUID PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES dir_service (id) ON DELETE CASCADE,
    location_id UUID NOT NULL REFERENCES dir_location (id) ON DELETE CASCADE,
    description VARCHAR(2000)
);
CREATE INDEX dir_sal_service ON dir_service_at_location (service_id);
CREATE INDEX dir_sal_location ON dir_service_at_location (location_id);

CREATE TABLE dir_phone (
    id UUID PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES dir_service (id) ON DELETE CASCADE,
    number VARCHAR(60) NOT NULL,
    extension VARCHAR(20),
    type VARCHAR(20) NOT NULL,
    description VARCHAR(1000),
    sort_order INTEGER NOT NULL
);
CREATE INDEX dir_phone_service ON dir_phone (service_id);

-- A weekly opening: byday as RFC 5545 day codes ("MO,TU"); closes_at at or before opens_at runs past midnight.
CREATE TABLE dir_schedule (
    id UUID PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES dir_service (id) ON DELETE CASCADE,
    byday VARCHAR(40) NOT NULL,
    opens_at TIME NOT NULL,
    closes_at TIME NOT NULL,
    description VARCHAR(1000)
);
CREATE INDEX dir_schedule_service ON dir_schedule (service_id);

CREATE TABLE dir_language (
    id UUID PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES dir_service (id) ON DELETE CASCADE,
    name VARCHAR(100) NOT NULL,
    code VARCHAR(20) NOT NULL,
    note VARCHAR(500)
);
CREATE INDEX dir_language_service ON dir_language (service_id);

CREATE TABLE dir_taxonomy (
    id UUID PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    description VARCHAR(1000) NOT NULL,
    uri VARCHAR(1000),
    version VARCHAR(50)
);

CREATE TABLE dir_taxonomy_term (
    id UUID PRIMARY KEY,
    taxonomy_id UUID REFERENCES dir_taxonomy (id),
    parent_id UUID REFERENCES dir_taxonomy_term (id),
    code VARCHAR(100),
    name VARCHAR(200) NOT NULL,
    description VARCHAR(1000) NOT NULL,
    term_uri VARCHAR(1000)
);

-- HSDS links terms to services through attributes; here a plain link table.
CREATE TABLE dir_service_term (
    service_id UUID NOT NULL REFERENCES dir_service (id) ON DELETE CASCADE,
    taxonomy_term_id UUID NOT NULL REFERENCES dir_taxonomy_term (id) ON DELETE CASCADE,
    PRIMARY KEY (service_id, taxonomy_term_id)
);
CREATE INDEX dir_service_term_term ON dir_service_term (taxonomy_term_id);

-- A person's own list of outside support, with a private note.
CREATE TABLE dir_bookmark (
    id UUID PRIMARY KEY,
    account_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    service_id UUID NOT NULL REFERENCES dir_service (id) ON DELETE CASCADE,
    note VARCHAR(2000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dir_bookmark_once UNIQUE (account_id, service_id)
);

-- Problem reports on a listing and suggested new services, for the curators' queue. Anonymous allowed.
CREATE TABLE dir_feedback (
    id UUID PRIMARY KEY,
    kind VARCHAR(20) NOT NULL,
    service_id UUID REFERENCES dir_service (id) ON DELETE CASCADE,
    suggested_name VARCHAR(300),
    suggested_contact VARCHAR(500),
    message VARCHAR(4000) NOT NULL,
    status VARCHAR(20) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_by VARCHAR(100),
    resolved_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX dir_feedback_status ON dir_feedback (status, created_at);

-- Who changed what in the directory.
CREATE TABLE dir_audit (
    id UUID PRIMARY KEY,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor VARCHAR(100) NOT NULL,
    action VARCHAR(40) NOT NULL,
    entity_type VARCHAR(40) NOT NULL,
    entity_id UUID,
    summary VARCHAR(1000) NOT NULL
);
CREATE INDEX dir_audit_at ON dir_audit (changed_at);
