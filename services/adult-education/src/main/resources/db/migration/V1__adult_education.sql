-- adult-education: learners with right and/or duty to Norwegian and social studies (integreringsloven kap. 6).
create table learner (
    person_id            uuid         primary key,
    municipality         varchar(4)   not null,
    entitlement          text         not null,
    regime               text         not null,
    legal_basis          text         not null,
    established_on       date         not null,
    birth_date           date         not null,
    settled_on           date         not null,
    education_level      text         not null,
    education_known      boolean      not null,
    documented_b2_need   boolean      not null default false,
    approved_leave_days  integer      not null default 0,
    training_deadline    date         not null,
    reading_goal         text         not null,
    listening_goal       text         not null,
    writing_goal         text         not null,
    oral_goal            text         not null,
    in_introduction_programme boolean not null default false,
    norwegian_goal_reached_on date,
    social_studies_passed_on  date,
    created_by_event     text         not null,
    created_at           timestamptz  not null
);
create index learner_municipality on learner (municipality);

-- Facts about a person from other services, also when they arrive before the learner exists.
create table learner_history (
    id              uuid         primary key,
    person_id       uuid         not null,
    occurred_on     date         not null,
    kind            text         not null,
    detail          text         not null,
    education_level text,
    hours           integer,
    event_id        text,
    recorded_at     timestamptz  not null
);
create index learner_history_person on learner_history (person_id);

create table provider (
    id                  uuid         primary key,
    name                varchar(200) not null,
    kind                text         not null,
    municipality        varchar(4)   not null,
    organisation_number varchar(9),
    approved_from       date,
    approved_to         date,
    created_by          text         not null,
    created_at          timestamptz  not null
);

create table enrolment (
    id                      uuid        primary key,
    person_id               uuid        not null references learner (person_id),
    course                  text        not null,
    provider_id             uuid        not null references provider (id),
    start_date              date        not null,
    language_of_instruction varchar(3),
    completed_on            date,
    created_by              text        not null,
    created_at              timestamptz not null
);
create index enrolment_person on enrolment (person_id);

create table training_hours (
    id            uuid         primary key,
    enrolment_id  uuid         not null references enrolment (id),
    training_date date         not null,
    hours         numeric(4,2) not null,
    recorded_by   text         not null,
    recorded_at   timestamptz  not null,
    unique (enrolment_id, training_date)
);

create table norwegian_test (
    id              uuid        primary key,
    person_id       uuid        not null references learner (person_id),
    test_type       text        not null,
    test_date       date        not null,
    reading_level   text,
    listening_level text,
    writing_level   text,
    oral_level      text,
    recorded_by     text        not null,
    recorded_at     timestamptz not null
);
create index norwegian_test_person on norwegian_test (person_id);

create table social_studies_test (
    id          uuid        primary key,
    person_id   uuid        not null references learner (person_id),
    test_date   date        not null,
    passed      boolean     not null,
    recorded_by text        not null,
    recorded_at timestamptz not null
);

create table exemption (
    id                 uuid        primary key,
    person_id          uuid        not null references learner (person_id),
    course             text        not null,
    legal_basis        text        not null,
    documentation_type text        not null,
    decided_on         date        not null,
    decided_by         text        not null,
    recorded_at        timestamptz not null,
    unique (person_id, course)
);

-- Every read of learner data: who, when, what (personvern; audit of every read).
-- reads are audited in the platform table nystart_read_audit (platform/runtime ReadAudit)
