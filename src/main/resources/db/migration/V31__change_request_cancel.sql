-- A change request may cancel (撤销) its item instead of changing its terms (issue 15 point 8): such a
-- proposal carries no field changes. Work items get the stage CANCELLED (work_item.stage is a
-- varchar, no schema change). Runs on H2 and PostgreSQL.

alter table change_request add column proposed_cancel boolean default false not null;
