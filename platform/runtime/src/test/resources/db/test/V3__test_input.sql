-- what the input probe stores: a text, a date and a number as a service would
create table test_input (
    id       uuid primary key,
    name     text not null,
    on_date  date,
    amount   integer,
    tags     text
);
