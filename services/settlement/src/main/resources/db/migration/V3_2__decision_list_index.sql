-- Keyset paging of GET /api/v1/settlement-decisions?year= (docs/adr/0008): one index range scan per page, the
-- decisions of one year in kommunenummer order (the primary key is (municipality, year), the other way round).
create index municipality_decision_listing on municipality_decision (year, municipality);
