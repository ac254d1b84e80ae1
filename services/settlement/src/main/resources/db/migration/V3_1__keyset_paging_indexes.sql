-- Keyset paging of GET /api/v1/cases (docs/adr/0008): one index range scan per page in the list's order
-- (creation time, case id), for all cases and for one status.
create index settlement_case_listing on settlement_case (created_at, id);
create index settlement_case_listing_status on settlement_case (status, created_at, id);
