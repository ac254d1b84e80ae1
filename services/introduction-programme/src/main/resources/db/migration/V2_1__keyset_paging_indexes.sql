-- Keyset paging of the participant lists (docs/adr/0008): one index range scan per page in each list's order
-- within a municipality (start deadline, person id; person id), and of one participant's history (time, id).
create index participant_listing on participant (municipality, start_deadline, person_id);
create index participant_listing_person on participant (municipality, person_id);
create index participant_history_listing on participant_history (person_id, at, id);
