-- The plan's activity on days that are not working days (weekends, public holidays): attendance may be recorded on a
-- non-working day only when the plan lists it (rule attendance.working-day). ISO dates, comma-separated, sorted.
alter table integration_plan add column scheduled_non_working_days text not null default '';
