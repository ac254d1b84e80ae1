-- Rows a test writes in bulk, and the bulk source the outbox relay reads them through (V0_4__nystart_outbox_bulk.sql).
create table test_bulk_event (
    position  bigserial  primary key,
    batch     text       not null,
    event_id  uuid       not null,
    person_id text       not null,
    n         integer    not null
);

create function test_bulk_events(argument text, after_position bigint, max_rows integer)
returns table (event_position bigint, event_id text, record_key text, subject text, payload text)
language sql stable as $$
    select e.position, cast(e.event_id as text), e.person_id, e.person_id, json_build_object('n', e.n)::text
    from test_bulk_event e where e.batch = argument and e.position > after_position
    order by e.position limit max_rows
$$;
