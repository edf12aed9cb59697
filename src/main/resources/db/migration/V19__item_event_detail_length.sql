-- A timeline entry copies the text of the decision it records: evidence and a completion summary
-- may be 4000 characters, a notice's requirement 2000 plus its number, a sub-task's report 2000 plus
-- its title. 2000 refused those at the database and the person saw an error page instead of their
-- decision saved. H2 and PostgreSQL both read SET DATA TYPE.
alter table item_event alter column detail set data type varchar(8000);
