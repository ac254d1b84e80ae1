-- grant-accounting: statements issued by POST /api/v1/municipalities/{k}/statements (issue 15: reading the figures
-- issues nothing; issuing is an explicit act, once per municipality, budget year and payout quarter). The unique key
-- is what keeps a period to one statement when two requests race; the service also takes a transaction lock on the
-- period first, so the loser waits, then finds the winner's statement and answers with it.
create table grant_statement (
    statement_id      uuid         primary key,
    municipality      varchar(4)   not null,
    budget_year       integer      not null,
    payout_quarter    integer      not null check (payout_quarter between 1 and 4),
    issued_on         date         not null,
    total_amount_nok  bigint       not null,
    lines             text         not null,   -- the statement's lines as JSON, exactly as published
    issued_by         text         not null,
    created_at        timestamptz  not null default now(),
    constraint grant_statement_period unique (municipality, budget_year, payout_quarter)
);
