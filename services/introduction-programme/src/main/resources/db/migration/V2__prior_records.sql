-- What introduction-programme learns about a person before settlement (reception phase):
-- CompetenceMapped (prefills the education background) and MandatoryTrainingCompleted (shown in the history).
create table prior_record (
    id               uuid         primary key,
    person_id        uuid         not null,
    kind             text         not null,
    education_level  text,
    detail           text         not null,
    at               timestamptz  not null
);
create index prior_record_person on prior_record (person_id);
