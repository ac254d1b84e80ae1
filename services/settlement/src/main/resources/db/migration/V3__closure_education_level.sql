-- settlement: closing a case (status CLOSED with reason) and the education level from the competence mapping.
alter table settlement_case add column closed_on       date;
alter table settlement_case add column close_reason    varchar(40);
alter table settlement_case add column close_note      varchar(1000);
alter table settlement_case add column closed_by       text;
alter table settlement_case add column education_level varchar(40);
