-- what the storage probe writes: a code the database holds in at most three characters
create table test_storable (
    id   uuid primary key,
    code varchar(3) not null
);
