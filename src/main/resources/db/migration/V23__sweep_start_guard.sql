-- Who started a sweep (null: the weekly timer) and how many open items it set out to light, so that
-- "run now" can show a running sweep's progress when it refuses to start a second one.
alter table supervision_sweep add column started_by varchar(100);
alter table supervision_sweep add column item_count integer;

-- One row, locked (select ... for update) by every "run now" before it looks for a running sweep:
-- two people pressing the button at once, on one node or on two, start one sweep between them.
create table supervision_sweep_guard (
    id integer primary key
);
insert into supervision_sweep_guard (id) values (1);
