-- The figures docs/domain/grants.md#5c–5g found, shipped as data. Every figure from a secondary source [S] or a budget
-- proposal is marked unverified; a grant officer replaces the tables with verified ones (PUT /api/v1/rate-tables/{year}).
-- Codes without a figure are absent: their claims wait as pending, never computed from another year's table.
insert into rate_table (id, year, version, current, created_by) values
    ('8a1c0000-0000-4000-8000-000000002023', 2023, 1, true, 'shipped (docs/domain/grants.md#5c–5g)'),
    ('8a1c0000-0000-4000-8000-000000002024', 2024, 1, true, 'shipped (docs/domain/grants.md#5c–5g)');

insert into rate_table_entry (rate_table_id, grant_code, amount_nok, source, verified) values
    -- 2023
    ('8a1c0000-0000-4000-8000-000000002023', 'AR-1 EV', 241100, 'docs/domain/grants.md#5c [S] Samarbeidsdesken/p02-ukraina app.py, 2023 or 2024 (other version 241 000)', false),
    ('8a1c0000-0000-4000-8000-000000002023', 'AR-1', 194400, 'docs/domain/grants.md#5c [S] Samarbeidsdesken/p02-ukraina app.py, 2023 or 2024 (other version 187 000)', false),
    ('8a1c0000-0000-4000-8000-000000002023', 'AR-1 B', 194400, 'docs/domain/grants.md#5c [S] Samarbeidsdesken/p02-ukraina app.py, one version only', false),
    ('8a1c0000-0000-4000-8000-000000002023', 'ELDR', 180600, 'docs/domain/grants.md#5c [S] p02-ukraina (other version 180 000)', false),
    ('8a1c0000-0000-4000-8000-000000002023', 'BHT', 27800, 'docs/domain/grants.md#5c [S] p02-ukraina', false),
    ('8a1c0000-0000-4000-8000-000000002023', 'EMINB', 1118000, 'docs/domain/grants.md#5d [S] KS 2023 (budget proposal)', false),
    ('8a1c0000-0000-4000-8000-000000002023', 'EMINU', 705000, 'docs/domain/grants.md#5d [S] KS 2023 (proposal; text truncated, presumably 17-20)', false),
    ('8a1c0000-0000-4000-8000-000000002023', 'FHT1', 196400, 'docs/domain/grants.md#5e KS 2023 page', false),
    ('8a1c0000-0000-4000-8000-000000002023', 'FHT2', 1520000, 'docs/domain/grants.md#5e KS 2023 page (maximum per year)', false),
    ('8a1c0000-0000-4000-8000-000000002023', 'P37D-AR1', 45000, 'docs/domain/grants.md#5f [S] KS 2023 proposal', false),
    -- 2024
    ('8a1c0000-0000-4000-8000-000000002024', 'AR-1 EV', 241100, 'docs/domain/grants.md#5c [S] Samarbeidsdesken/p02-ukraina app.py "Per 01.02.24" (other version 241 000)', false),
    ('8a1c0000-0000-4000-8000-000000002024', 'AR-1', 194400, 'docs/domain/grants.md#5c [S] Samarbeidsdesken/p02-ukraina app.py "Per 01.02.24" (other version 187 000)', false),
    ('8a1c0000-0000-4000-8000-000000002024', 'AR-1 B', 194400, 'docs/domain/grants.md#5c [S] Samarbeidsdesken/p02-ukraina app.py, one version only', false),
    ('8a1c0000-0000-4000-8000-000000002024', 'ELDR', 180600, 'docs/domain/grants.md#5c [S] p02-ukraina (other version 180 000)', false),
    ('8a1c0000-0000-4000-8000-000000002024', 'BHT', 27800, 'docs/domain/grants.md#5c [S] p02-ukraina', false),
    ('8a1c0000-0000-4000-8000-000000002024', 'FHT1', 196400, 'docs/domain/grants.md#5e [S] p02-ukraina app.py', false),
    ('8a1c0000-0000-4000-8000-000000002024', 'FHT2', 1608000, 'docs/domain/grants.md#5e [S] p02-ukraina app.py (maximum per year)', false),
    ('8a1c0000-0000-4000-8000-000000002024', 'P37D-AR1', 48400, 'docs/domain/grants.md#5f [S] p02-ukraina (another version 39 700)', false),
    ('8a1c0000-0000-4000-8000-000000002024', 'NYSTART-MOTTAK-KART', 1344, 'docs/domain/grants.md#5g [O] https://www.imdi.no/tilskudd/2024/tilskudd-til--kompetansekartlegging/', true);
