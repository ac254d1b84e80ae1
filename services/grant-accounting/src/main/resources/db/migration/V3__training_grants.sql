-- grant-accounting: the training grants (docs/domain/grants.md#5f Norwegian-training person grant; 1d/5g reception-phase grants).

-- Country background → rate group of the Norwegian-training person grant (docs/domain/grants.md#5f). The source names REGIONS
-- (low: Western Europe, North America, Australia, New Zealand; high: Africa, Asia, Oceania except AUS/NZ, Eastern
-- Europe, South and Central America), not countries: the assignment of each country is NyStart's reading and marked
-- unverified, except the four countries the source names itself. A country not listed gets the configured default
-- (nystart.grants.norwegian.default-rate-group, HIGH).
create table country_rate_group (
    citizenship  varchar(3)  primary key,
    rate_group   text        not null check (rate_group in ('HIGH', 'LOW')),
    region       text        not null,
    source       text        not null,
    verified     boolean     not null
);

insert into country_rate_group (citizenship, rate_group, region, source, verified)
select c, 'LOW', 'North America / Australia / New Zealand',
       'docs/domain/grants.md#5f [O] https://www.imdi.no/tilskudd/norsktilskudd/ (named in the source)', true
from unnest(array['USA', 'CAN', 'AUS', 'NZL']) c;

insert into country_rate_group (citizenship, rate_group, region, source, verified)
select c, 'LOW', 'Western Europe',
       'docs/domain/grants.md#5f [O] https://www.imdi.no/tilskudd/norsktilskudd/ (region "Western Europe"; country list NyStart''s reading)', false
from unnest(array['AND', 'AUT', 'BEL', 'CHE', 'DEU', 'DNK', 'ESP', 'FIN', 'FRA', 'FRO', 'GBR', 'GRC', 'GRL', 'IRL',
                  'ISL', 'ITA', 'LIE', 'LUX', 'MCO', 'MLT', 'NLD', 'NOR', 'PRT', 'SMR', 'SWE', 'VAT', 'CYP']) c;

insert into country_rate_group (citizenship, rate_group, region, source, verified)
select c, 'HIGH', 'Eastern Europe',
       'docs/domain/grants.md#5f [O] https://www.imdi.no/tilskudd/norsktilskudd/ (region "Eastern Europe"; country list NyStart''s reading)', false
from unnest(array['ALB', 'BIH', 'BGR', 'BLR', 'CZE', 'EST', 'HRV', 'HUN', 'LTU', 'LVA', 'MDA', 'MKD', 'MNE', 'POL',
                  'ROU', 'RUS', 'SRB', 'SVK', 'SVN', 'UKR', 'XKX']) c;

insert into country_rate_group (citizenship, rate_group, region, source, verified)
select c, 'HIGH', 'Africa / Asia / South and Central America / Oceania',
       'docs/domain/grants.md#5f [O] https://www.imdi.no/tilskudd/norsktilskudd/ (regions of the high rate; country list NyStart''s reading)', false
from unnest(array['AFG', 'SYR', 'ERI', 'SOM', 'ETH', 'SDN', 'SSD', 'IRQ', 'IRN', 'PSE', 'YEM', 'MMR', 'COD', 'COG',
                  'BDI', 'RWA', 'UGA', 'KEN', 'NGA', 'LBY', 'TUR', 'PAK', 'LKA', 'VNM', 'CHN', 'IND', 'THA', 'PHL',
                  'COL', 'VEN', 'CUB', 'PER', 'BRA', 'MEX', 'SLV', 'HND', 'GTM', 'NIC', 'PNG', 'FJI', 'XXA']) c;

-- An established right to Norwegian training (LearnerRightsEstablished), once per person. The claims are made when
-- the country background is known (from PersonSettled or ResidentRegistered); until then the right waits here.
create table learner_grant_basis (
    person_id         uuid         primary key,
    municipality      varchar(4)   not null,
    entitlement       text         not null,
    regime            text         not null,
    established_on    date         not null,
    scheme            text         check (scheme in ('PERSON_GRANT', 'COLLECTIVE_PROTECTION')),
    exclusion_reason  text,
    event_id          uuid         not null,
    created_at        timestamptz  not null default now(),
    check ((scheme is null) = (exclusion_reason is not null))
);

-- A resident registered in a reception centre (ResidentRegistered), once per person.
create table reception_resident (
    person_id          uuid         primary key,
    host_municipality  varchar(4)   not null,
    registered_on      date         not null,
    birth_date         date         not null,
    citizenship        varchar(3)   not null,
    asylum_procedure   text         not null,
    training_duty      boolean      not null,
    no_duty_reason     text,
    event_id           uuid         not null,
    created_at         timestamptz  not null default now()
);

-- Why an event gave a person no grant of a scheme (recorded, never an error).
create table grant_exclusion (
    person_id         uuid         not null,
    scheme            text         not null,
    reason            text         not null,
    causing_event_id  uuid         not null,
    causing_event_type text        not null,
    created_at        timestamptz  not null default now(),
    primary key (person_id, scheme)
);
