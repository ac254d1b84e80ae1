-- Counts the SQL statements that insert into nystart_read_audit (a statement-level trigger fires once per
-- statement whatever its row count), so ReadAuditTest can prove one statement per read of a page.
create table test_read_audit_statements (n bigint not null);
insert into test_read_audit_statements values (0);

create function test_count_read_audit_statement() returns trigger language plpgsql as $$
begin
    update test_read_audit_statements set n = n + 1;
    return null;
end $$;

create trigger test_read_audit_statement after insert on nystart_read_audit
    for each statement execute function test_count_read_audit_statement();
