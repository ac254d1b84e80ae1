-- Keyset paging of the providers and learners lists (docs/adr/0008): one index range scan per page in each
-- list's order within a municipality.
create index provider_listing on provider (municipality, name, id);
create index learner_listing on learner (municipality, training_deadline, person_id);
