-- The board (院领导驾驶舱) reads every issued item grouped by department, area and leader, the
-- items with an open notice, and the readings of a dozen indicators: PostgreSQL does not index
-- foreign keys by itself, so these lookups get their own indexes.
create index work_item_lead_department on work_item (lead_department_id, stage);
create index work_item_leader_in_charge on work_item (leader_in_charge_id);
create index indicator_item on indicator (work_item_id);
create index indicator_reading_indicator on indicator_reading (indicator_id);
create index supervision_notice_item on supervision_notice (work_item_id);
