-- settlement: one case per person waiting for settlement (households are grouped by household_id).
create table settlement_case (
    id                 uuid         primary key,
    person_id          uuid         not null unique,
    household_id       uuid,
    status             text         not null,
    host_municipality  varchar(4),
    registered_on      date,
    birth_date         date         not null,
    sex                text         not null,
    citizenship        varchar(3)      not null,
    opened_by_event    text         not null,
    created_at         timestamptz  not null default now()
);
create index settlement_case_status on settlement_case (status);
