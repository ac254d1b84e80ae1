-- settlement: every arrival route, permits, proposals, settlement and relocation on the case row.
alter table settlement_case add column arrival_route       varchar(32) not null default 'ASYLUM';
alter table settlement_case add column first_name          varchar(200);
alter table settlement_case add column last_name           varchar(200);
alter table settlement_case add column national_id         varchar(11);
alter table settlement_case add column arrival_date        date;
alter table settlement_case add column permit_type         varchar(40);
alter table settlement_case add column permit_date         date;
alter table settlement_case add column regime              varchar(32);
alter table settlement_case add column unaccompanied_minor boolean;
alter table settlement_case add column occupation_groups   varchar(40);
alter table settlement_case add column proposed_municipality varchar(4);
alter table settlement_case add column proposal_year       integer;
alter table settlement_case add column matching_run_id     uuid;
alter table settlement_case add column settled_municipality varchar(4);
alter table settlement_case add column settled_on          date;
alter table settlement_case add column settlement_type     varchar(40);
alter table settlement_case add column override_reason     varchar(1000);
alter table settlement_case add column current_municipality varchar(4);
alter table settlement_case add column version             bigint not null default 0;
create index settlement_case_household on settlement_case (household_id);
create index settlement_case_settled on settlement_case (settled_municipality, settled_on);

create table municipality_decision (
    municipality                    varchar(4)  not null,
    year                            integer     not null,
    requested_total                 integer     not null,
    requested_unaccompanied_minors  integer     not null,
    decided_total                   integer     not null,
    decided_unaccompanied_minors    integer     not null,
    decided_on                      date        not null,
    registered_by                   varchar(200) not null,
    updated_at                      timestamptz not null,
    primary key (municipality, year)
);

create table municipality_profile (
    municipality              varchar(4)  primary key,
    labour_demand             varchar(200) not null,
    result_rate_permille      integer     not null,
    immigrant_share_permille  integer     not null,
    completed_count           integer     not null default 0,
    successful_count          integer     not null default 0,
    updated_at                timestamptz not null
);

create table relocation (
    id                 uuid        primary key,
    person_id          uuid        not null,
    from_municipality  varchar(4)  not null,
    to_municipality    varchar(4)  not null,
    moved_on           date        not null,
    relocation_type    varchar(20) not null,
    created_at         timestamptz not null
);
create index relocation_person on relocation (person_id);

create table matching_run (
    id                uuid        primary key,
    year              integer     not null,
    status            varchar(20) not null,
    objective         bigint      not null,
    best_bound        bigint      not null,
    greedy_objective  bigint      not null,
    solve_millis      bigint      not null,
    households        integer     not null,
    assigned          integer     not null,
    report            text        not null,
    started_by        varchar(200) not null,
    created_at        timestamptz not null
);
