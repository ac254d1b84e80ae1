-- NyStart platform tables, shared by every service database (platform/runtime).
-- Versions 0.x belong to the platform; a service's own migrations start at V1.

-- Transactional outbox: rows are written in the same transaction as the state change
-- (no.nystart.platform.outbox.Outbox) and published to Kafka by the OutboxRelay.
create table nystart_outbox (
    id              bigserial    primary key,
    event_id        uuid         not null unique,   -- ce_id
    topic           text         not null,
    record_key      text         not null,          -- personId or kommunenummer
    ce_type         text         not null,
    ce_source       text         not null,
    ce_subject      text         not null,
    ce_time         timestamptz  not null,
    ce_dataschema   text         not null,
    payload         text         not null,          -- the JSON exactly as published
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz,
    attempts        integer      not null default 0,
    last_error      text
);

-- The relay reads pending rows in id order; a partial index keeps that cheap however many
-- sent rows wait for pruning.
create index nystart_outbox_pending on nystart_outbox (id) where sent_at is null;
create index nystart_outbox_sent_at on nystart_outbox (sent_at) where sent_at is not null;

-- Idempotent consumer: one row per consumed ce_id and consumer group, written in the same
-- transaction as the state change the event caused (no.nystart.platform.inbox.Inbox).
create table nystart_inbox (
    consumer_group  text         not null,
    event_id        text         not null,          -- ce_id
    ce_type         text         not null,
    topic           text         not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    processed_at    timestamptz  not null default now(),
    primary key (consumer_group, event_id)
);
