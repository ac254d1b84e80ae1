-- Keyset paging of GET /api/v1/residents (docs/adr/0008): each page is one index range scan in the list's order
-- (registration date, person id), for all centres and for one centre. Exemptions and completions are already
-- indexed by their (person_id, module) unique constraints, sessions by training_session_person.
create index resident_listing on resident (registered_on, person_id);
create index resident_listing_centre on resident (reception_centre_id, registered_on, person_id);
