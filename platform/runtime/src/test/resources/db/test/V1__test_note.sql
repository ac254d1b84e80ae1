create table test_note (
    id    uuid primary key,
    text  text not null
);
