-- grant-accounting: rate tables per budget year, persons' grant basis, claims due, and the append-only ledger.

-- A rate table of one budget year; a table used by a ledger entry is never changed: a new version supersedes it.
create table rate_table (
    id             uuid         primary key,
    year           integer      not null,
    version        integer      not null,
    current        boolean      not null,
    created_by     text         not null,
    created_at     timestamptz  not null default now(),
    superseded_at  timestamptz,
    unique (year, version)
);
create unique index rate_table_one_current on rate_table (year) where current;

create table rate_table_entry (
    rate_table_id  uuid     not null references rate_table (id),
    grant_code     text     not null,
    amount_nok     bigint   not null check (amount_nok >= 0),
    source         text     not null,
    verified       boolean  not null,
    primary key (rate_table_id, grant_code)
);

-- What the rules need about each settled person; municipality = current municipality of residence.
create table person_basis (
    person_id                uuid         primary key,
    birth_date               date         not null,
    birth_year               integer      not null,
    citizenship              varchar(3)   not null,
    permit_type              text         not null,
    settlement_type          text         not null,
    unaccompanied_minor      boolean      not null,
    household_size           integer      not null,
    settled_on               date         not null,
    settlement_year          integer      not null,
    settlement_municipality  varchar(4)   not null,
    municipality             varchar(4)   not null,
    in_target_group          boolean      not null,
    exclusion_reason         text,
    settled_event_id         uuid         not null,
    created_at               timestamptz  not null default now()
);
create index person_basis_in_scheme on person_basis (settlement_year) where in_target_group;

-- A claim the rules made due; it becomes a ledger entry when its grant year has a rate for its code,
-- and waits (pending, visible) until then. claim_key makes every source of claims idempotent.
create table claim_due (
    id                     uuid         primary key,
    claim_key              text         not null unique,
    person_id              uuid         not null,
    municipality           varchar(4)   not null,
    grant_code             text         not null,
    grant_year             integer      not null,
    settlement_year_index  integer,
    budget_year            integer      not null,
    payout_quarter         integer      not null check (payout_quarter between 1 and 4),
    part                   integer      not null,
    parts                  integer      not null check (parts >= 1),
    causing_event_id       uuid         not null,
    causing_event_type     text         not null,
    created_at             timestamptz  not null default now()
);
create index claim_due_year on claim_due (grant_year);
create index claim_due_person on claim_due (person_id);

-- The ledger: append-only. A correction is a REVERSAL entry (negated amount) plus a new CLAIM entry.
create table ledger_entry (
    seq                    bigserial    unique,
    id                     uuid         primary key,
    kind                   text         not null check (kind in ('CLAIM', 'REVERSAL')),
    reversed_entry_id      uuid         unique references ledger_entry (id),
    due_id                 uuid         unique references claim_due (id),
    person_id              uuid         not null,
    municipality           varchar(4)   not null,
    grant_code             text         not null,
    grant_year             integer      not null,
    budget_year            integer      not null,
    settlement_year_index  integer,
    payout_quarter         integer      not null check (payout_quarter between 1 and 4),
    amount_nok             bigint       not null,
    rate_table_id          uuid         not null references rate_table (id),
    rate_table_version     text         not null,
    reversal_reason        text,
    causing_event_id       uuid         not null,
    causing_event_type     text         not null,
    registered_on          date         not null,
    created_at             timestamptz  not null default now(),
    check ((kind = 'REVERSAL') = (reversed_entry_id is not null)),
    check (kind = 'REVERSAL' or amount_nok >= 0)
);
create index ledger_entry_statement on ledger_entry (municipality, budget_year);
create index ledger_entry_person on ledger_entry (person_id);
create index ledger_entry_rate_table on ledger_entry (rate_table_id);

create function ledger_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger_entry is append-only: % is not allowed (a correction is a reversal plus a new entry)', tg_op;
end;
$$;
create trigger ledger_entry_no_update_delete before update or delete on ledger_entry
    for each row execute function ledger_entry_append_only();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_entry_append_only();

-- One row per annual run (POST /api/v1/annual-runs/{year}); the run id is the causing event of its claims.
create table annual_run (
    id              uuid         primary key,
    year            integer      not null,
    started_by      text         not null,
    claims_due      bigint       not null,
    registered      bigint       not null,
    pending         bigint       not null,
    finished_at     timestamptz  not null default now()
);
