-- Every read of a person's data by a human (docs/architecture.md, reliability building blocks):
-- who, with which roles, what (the endpoint or action), why (when given), which person, when.
-- Written by no.nystart.platform.audit.ReadAudit in the reading request's session.
create table nystart_read_audit (
    id            uuid         primary key,
    reader        text         not null,
    roles         text         not null,
    action        text         not null,
    purpose       text,
    municipality  varchar(4),
    person_id     uuid,
    read_at       timestamptz  not null default now()
);
create index nystart_read_audit_person on nystart_read_audit (person_id);
