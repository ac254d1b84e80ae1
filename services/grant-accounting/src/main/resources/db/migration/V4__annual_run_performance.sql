-- Annual-run performance (docs/benchmarks.md "grant-accounting: annual run"): fewer index entries and checks per
-- ledger row, one claim_due row per claim instead of per quarter.

-- seq stays a bigserial (the order of the ledger); the sequence makes it unique, no index is needed to keep it so.
alter table ledger_entry drop constraint ledger_entry_seq_key;

-- A claim is reversed at most once: unique among reversals only (claims carry null and need no index entry).
alter table ledger_entry drop constraint ledger_entry_reversed_entry_id_key;
create unique index ledger_entry_reversed_once on ledger_entry (reversed_entry_id) where reversed_entry_id is not null;

-- A claim due may stand for several parts (the annual run: part 0 = all parts 1..parts, part k paid in quarter k);
-- each part becomes one ledger entry, once: unique (due_id, due_part).
alter table ledger_entry add column due_part integer;
alter table ledger_entry drop constraint ledger_entry_due_id_key;
create unique index ledger_entry_due_once on ledger_entry (due_id, due_part) where due_id is not null;
alter table claim_due add constraint claim_due_part_range check (part between 0 and parts);

-- The ledger refers to claim_due by id without a foreign-key check per row (REGISTER only writes due ids it has just
-- joined); instead claims due are never deleted or re-keyed.
alter table ledger_entry drop constraint ledger_entry_due_id_fkey;
create function claim_due_keep() returns trigger language plpgsql as $$
begin
    raise exception 'claim_due rows are kept: % is not allowed', tg_op;
end;
$$;
create trigger claim_due_no_delete before delete or truncate on claim_due
    for each statement execute function claim_due_keep();
create trigger claim_due_no_rekey before update of id, claim_key on claim_due
    for each row execute function claim_due_keep();

-- The ledger refers to its rate table without a foreign-key check per row (REGISTER and the relocation split only
-- write the id of a table they have just read); instead a rate table is never deleted or re-keyed.
alter table ledger_entry drop constraint ledger_entry_rate_table_id_fkey;
create function rate_table_keep() returns trigger language plpgsql as $$
begin
    raise exception 'rate tables are kept (a new version supersedes one): % is not allowed', tg_op;
end;
$$;
create trigger rate_table_no_delete before delete or truncate on rate_table
    for each statement execute function rate_table_keep();
create trigger rate_table_no_rekey before update of id, year, version on rate_table
    for each row execute function rate_table_keep();

-- A reversal refers to the entry it reverses in the same append-only table (no row is ever deleted or changed), so
-- the per-row foreign-key check is redundant; the partial unique index still lets a claim be reversed only once.
alter table ledger_entry drop constraint ledger_entry_reversed_entry_id_fkey;
