-- A bulk row stands for many events of one type that the service has already written as rows of its own in the same
-- transaction (grant-accounting: the ledger entries of an annual run). Instead of one outbox row per event, it names a
-- set-returning SQL function of the service's database (bulk_source) and its argument; the relay reads the events
-- from it in chunks at publication time and remembers how far it got (bulk_position). No row after an unfinished
-- bulk row is published before it, so the order of every key is kept (no.nystart.platform.outbox.Outbox#appendBulk).
--
-- The function's contract: bulk_source(argument text, after_position bigint, max_rows integer)
--   returns table (event_position bigint, event_id text, record_key text, subject text, payload text)
-- the events after after_position in ascending event_position, at most max_rows of them; the same events with the
-- same ids every time it is called (the rows it reads are never changed).
alter table nystart_outbox add column bulk_source text;
alter table nystart_outbox add column bulk_argument text;
alter table nystart_outbox add column bulk_position bigint;
alter table nystart_outbox add column bulk_progress_at timestamptz;
alter table nystart_outbox add constraint nystart_outbox_bulk_shape
    check ((bulk_source is null) = (bulk_position is null) and (bulk_source is null or bulk_source ~ '^[a-z_][a-z0-9_]*$'));

create index nystart_outbox_bulk_unsent on nystart_outbox (id) where bulk_source is not null and sent_at is null;
