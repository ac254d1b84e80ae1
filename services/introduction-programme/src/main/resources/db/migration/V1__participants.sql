-- introduction-programme: participants (one per person), their § 12 decision, plan, attendance, pauses and history.
create table participant (
    person_id                 uuid         primary key,
    municipality              varchar(4)   not null,
    regime                    text         not null,
    birth_date                date         not null,
    permit_type               text         not null,
    permit_date               date         not null,
    settled_on                date         not null,
    settlement_type           text,
    start_deadline            date         not null,
    admission                 text         not null,
    admission_reason          text,
    status                    text         not null,
    living_with_parents       boolean      not null default false,
    childless_couple          boolean      not null default false,
    has_child_under_18        boolean      not null default false,
    education_level           text,
    start_date                date,
    planned_end_date          date,
    final_goal                text,
    weekly_hours              text,
    late_start_reason         text,
    extension_justification   text,
    ended_on                  date,
    outcome                   text,
    final_goal_reached        boolean,
    discontinuation_reason    text,
    end_note                  text,
    norwegian_progress        text,
    created_by_event          text,
    created_at                timestamptz  not null
);
create index participant_municipality on participant (municipality);

create table integration_plan (
    person_id          uuid         primary key references participant (person_id),
    final_goal         text         not null,
    goal_reading       text         not null,
    goal_listening     text         not null,
    goal_writing       text         not null,
    goal_oral          text         not null,
    elements           text         not null,
    long_term_goal     text         not null,
    mutual_obligations text         not null,
    agreed_on          date         not null,
    updated_at         timestamptz  not null
);

create table attendance (
    id               uuid          primary key,
    person_id        uuid          not null references participant (person_id),
    day              date          not null,
    planned_hours    numeric(5,2)  not null,
    attended_hours   numeric(5,2)  not null,
    illness          numeric(5,2)  not null,
    sick_child       numeric(5,2)  not null,
    welfare          numeric(5,2)  not null,
    permitted_leave  numeric(5,2)  not null,
    unexcused        numeric(5,2)  not null,
    constraint attendance_one_per_day unique (person_id, day)
);

create table programme_pause (
    id                  uuid         primary key,
    person_id           uuid         not null references participant (person_id),
    kind                text         not null,
    leave_type          text,
    from_date           date         not null,
    expected_resume_on  date,
    resumed_on          date,
    reason              text,
    with_benefit        boolean      not null,
    created_at          timestamptz  not null
);
create index programme_pause_person on programme_pause (person_id);

create table participant_history (
    id         uuid         primary key,
    person_id  uuid         not null references participant (person_id),
    at         timestamptz  not null,
    kind       text         not null,
    detail     text         not null
);
create index participant_history_person on participant_history (person_id);

-- reads are audited in the platform table nystart_read_audit (platform/runtime ReadAudit)
