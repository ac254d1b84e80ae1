-- grant-accounting: every PersonRelocated of a settled person, once per event (docs/domain/grants.md#5b: in the moving year the
-- grant is split; the municipality moved from keeps the current and the following month). The split is computed from
-- ALL moves of the person in that year (a second move in the same year), and applied again to claims of that year
-- registered after the move: a claim due that waited for a rate, and an annual run of the moving year made after it.
create table relocation (
    seq                bigserial    not null,
    event_id           uuid         primary key,
    person_id          uuid         not null,
    from_municipality  varchar(4)   not null,
    to_municipality    varchar(4)   not null,
    moved_on           date         not null,
    moved_year         integer      not null,
    created_at         timestamptz  not null default now(),
    check (moved_year = extract(year from moved_on))
);
-- after the claims of a year are registered (rate table, annual run): one probe finds the persons who moved that year
create index relocation_year on relocation (moved_year, person_id);
-- the moves of one person in a year, in date order
create index relocation_person on relocation (person_id, moved_year, moved_on);
