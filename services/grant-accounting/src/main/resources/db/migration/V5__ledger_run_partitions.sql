-- The annual run writes its ledger entries as a partition of their own (docs/benchmarks.md "grant-accounting: annual
-- run", ADR 0006). ledger_entry becomes a table partitioned by segment: 'live' holds every entry written by events,
-- reversals and registrations of claims due, exactly as before; each annual run adds one segment 'run-<year>-<n>',
-- a table filled in bulk, indexed once it is full and attached in the run's own transaction. Its GrantClaimRegistered
-- events go through the outbox as one bulk row read by grant_run_events (below).

-- the old table becomes the 'live' partition: a new column with a constant default needs no rewrite, the check lets
-- the attach below skip its validation scan
alter table ledger_entry add column segment text not null default 'live';
create table ledger_entry_partitioned (like ledger_entry including defaults including constraints) partition by list (segment);
alter table ledger_entry add constraint ledger_entry_live_segment check (segment = 'live');
alter table ledger_entry rename to ledger_entry_live;
alter table ledger_entry_partitioned rename to ledger_entry;
alter table ledger_entry attach partition ledger_entry_live for values in ('live');

-- the indexes every segment has (an existing equal index of the live partition is attached, not built again)
create index ledger_entry_by_person on ledger_entry (person_id);
create index ledger_entry_by_statement on ledger_entry (municipality, budget_year);
create index ledger_entry_by_rate_table on ledger_entry (rate_table_id);
create index ledger_entry_by_reversed on ledger_entry (reversed_entry_id) where reversed_entry_id is not null;
-- unique within the live segment, where every reversal and every registered claim due is written: its primary key
-- (id), ledger_entry_reversed_once and ledger_entry_due_once stay as they were. An annual run's entries carry fresh
-- random ids, no due id and reverse nothing.

-- append-only on every segment: the row trigger of the partitioned table is cloned to each partition
drop trigger ledger_entry_no_update_delete on ledger_entry_live;
create trigger ledger_entry_no_update_delete before update or delete on ledger_entry
    for each row execute function ledger_entry_append_only();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_entry_append_only();

-- the segment an annual run wrote (null: a run that found nothing new)
alter table annual_run add column segment text;
create unique index annual_run_segment on annual_run (segment) where segment is not null;

-- The JSON EventJson writes for a GrantClaimRegistered (names, ISO dates, null components omitted: only
-- settlementYearIndex can be null), for the set-based writers: LedgerSql.REGISTER and grant_run_events. A plain SQL
-- expression the planner inlines.
create function grant_claim_registered_json(claim_id uuid, person_id uuid, municipality text, grant_code text,
        budget_year integer, settlement_year_index integer, payout_quarter integer, amount_nok bigint,
        rate_table_version text, causing_event_id uuid, registered_on date)
returns text language sql immutable as $$
    select cast(case when settlement_year_index is null then json_build_object(
            'claimId', claim_id, 'personId', person_id, 'municipality', municipality, 'grantCode', grant_code,
            'budgetYear', budget_year,
            'payoutQuarter', payout_quarter, 'amountNok', amount_nok, 'rateTableVersion', rate_table_version,
            'causingEventId', causing_event_id, 'registeredOn', registered_on)
        else json_build_object(
            'claimId', claim_id, 'personId', person_id, 'municipality', municipality, 'grantCode', grant_code,
            'budgetYear', budget_year, 'settlementYearIndex', settlement_year_index,
            'payoutQuarter', payout_quarter, 'amountNok', amount_nok, 'rateTableVersion', rate_table_version,
            'causingEventId', causing_event_id, 'registeredOn', registered_on) end as text)
$$;

-- The bulk source of an annual run's GrantClaimRegistered events (platform migration V0_4): the entries of one run
-- segment after a position (seq), in seq order. The ce_id of each event is the entry's id (= claimId), so a
-- republished event is recognised by its consumers. The argument is the segment's table name; format(%I) quotes it.
create function grant_run_events(argument text, after_position bigint, max_rows integer)
returns table (event_position bigint, event_id text, record_key text, subject text, payload text)
language plpgsql stable as $$
begin
    if not exists (select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
                   where i.inhparent = 'ledger_entry'::regclass and c.relname = argument) then
        raise exception 'grant_run_events: % is not a segment of ledger_entry', argument;
    end if;
    return query execute format($q$
        select e.seq, cast(e.id as text), cast(e.person_id as text), cast(e.person_id as text),
            grant_claim_registered_json(e.id, e.person_id, e.municipality, e.grant_code, e.budget_year,
                e.settlement_year_index, e.payout_quarter, e.amount_nok, e.rate_table_version, e.causing_event_id,
                e.registered_on)
        from %I e where e.seq > $1 order by e.seq limit $2$q$, argument)
    using after_position, max_rows;
end;
$$;
