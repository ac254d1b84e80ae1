-- reception-training: reception centres and their residents.

create table reception_centre (
    id                 uuid         primary key,
    name               text         not null,
    host_municipality  varchar(4)      not null,
    active             boolean      not null default true
);

create table resident (
    person_id          uuid         primary key,
    duf_number         varchar(12)     not null,
    first_name         text         not null,
    last_name          text         not null,
    birth_date         date         not null,
    sex                text         not null,
    citizenship        varchar(3)      not null,
    reception_centre_id uuid        not null references reception_centre (id),
    registered_on      date         not null,
    household_id       uuid,
    asylum_procedure   text         not null,
    created_at         timestamptz  not null default now(),
    created_by         text         not null,
    constraint resident_duf_number_unique unique (duf_number)
);

-- Seeded centres. The names are INVENTED for NyStart's demo and tests; the host municipalities
-- are real (kommunenummer from the 2024 structure).
insert into reception_centre (id, name, host_municipality) values
    ('0b5f3f7e-2c1d-4e8a-b1f2-9a8c7d6e5f40', 'Fjordlys mottak (invented)', '3301'),
    ('6a1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', 'Nordlys mottak (invented)', '5501'),
    ('9c8b7a69-5847-4362-b1a0-f9e8d7c6b5a4', 'Vestkyst mottak (invented)', '4601');
