-- reception-training (issue 4): mandatory training, exemptions, permits, competence mapping, career guidance,
-- departure, and the audit log of reads.

alter table resident add column left_on date;
alter table resident add column left_reason varchar(20);
alter table resident add column left_by_event uuid;

create table training_session (
    id            uuid          primary key,
    person_id     uuid          not null references resident (person_id),
    module        varchar(30)   not null,
    session_date  date          not null,
    hours         numeric(4, 2) not null check (hours > 0),
    recorded_at   timestamptz   not null,
    recorded_by   text          not null
);
create index training_session_person on training_session (person_id);

create table training_exemption (
    id            uuid          primary key,
    person_id     uuid          not null references resident (person_id),
    module        varchar(30)   not null,
    reason        varchar(30)   not null,
    granted_on    date          not null,
    recorded_at   timestamptz   not null,
    recorded_by   text          not null,
    constraint training_exemption_once unique (person_id, module)
);

-- MandatoryTrainingCompleted is published exactly once per person and module: this row is written in the
-- same transaction as the event, and the unique constraint refuses a second one.
create table training_completion (
    id             uuid         primary key,
    person_id      uuid         not null references resident (person_id),
    module         varchar(30)  not null,
    hours_required integer      not null,
    completed_on   date         not null,
    constraint training_completion_once unique (person_id, module)
);

create table residence_permit (
    person_id      uuid         primary key references resident (person_id),
    permit_type    varchar(40)  not null,
    decision_date  date         not null,
    regime         varchar(30)  not null,
    recorded_at    timestamptz  not null,
    recorded_by    text         not null
);

create table competence_mapping (
    person_id        uuid         primary key references resident (person_id),
    mapped_on        date         not null,
    education_level  varchar(30)  not null,
    education_years  integer      not null,
    languages        text         not null,
    work_experience  text         not null,
    other_competence text         not null,
    recorded_at      timestamptz  not null,
    recorded_by      text         not null
);

create table career_guidance (
    person_id     uuid         primary key references resident (person_id),
    completed_on  date         not null,
    county        varchar(2)   not null,
    recorded_at   timestamptz  not null,
    recorded_by   text         not null
);

-- Every read of a resident's personal data by a person (docs/architecture.md: audit log of human reads).
-- reads are audited in the platform table nystart_read_audit (platform/runtime ReadAudit)

-- More seeded centres. Names are INVENTED for NyStart's demo and tests; host municipalities are real
-- (2024 kommunenummer; checked against the registry by ReceptionCentreResourceTest).
insert into reception_centre (id, name, host_municipality) values
    ('1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a', 'Elvebredden mottak (invented)', '0301'),
    ('2e3d4c5b-6a7f-4e8d-9cab-1a2f3e4d5c6b', 'Nidelva mottak (invented)', '5001'),
    ('3f4e5d6c-7b8a-4f9e-adbc-2b3a4f5e6d7c', 'Saltfjell mottak (invented)', '1804'),
    ('4a5f6e7d-8c9b-4a0f-becd-3c4b5a6f7e8d', 'Sørlandsporten mottak (invented)', '4204'),
    ('5b6a7f8e-9dac-4b1a-8fde-4d5c6b7a8f9e', 'Jærlys mottak (invented)', '1103'),
    ('6c7b8a9f-aebd-4c2b-9aef-5e6d7c8b9a0f', 'Mjøsstrand mottak (invented)', '3405'),
    ('7d8c9bae-bfce-4d3c-8bfa-6f7e8d9cab1a', 'Havblikk mottak (invented)', '1508');
