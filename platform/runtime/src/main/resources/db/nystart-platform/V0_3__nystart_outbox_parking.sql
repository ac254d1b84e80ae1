-- A row Kafka can never accept as it is (too large, unserialisable, invalid topic) is parked instead
-- of being retried forever: the relay skips it and every later row of the same topic and key, so the
-- key's order is never broken, while other keys keep flowing. An operator fixes the cause and clears
-- parked_at (docs/runbook.md, "A parked row").
alter table nystart_outbox add column parked_at timestamptz;

create index nystart_outbox_parked on nystart_outbox (topic, record_key, id) where parked_at is not null;
