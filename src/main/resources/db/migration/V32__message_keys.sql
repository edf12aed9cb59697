-- Words in the bundles (issue 16, point 4): texts the app writes for people and shows later are
-- kept as a message key and its arguments (a JSON array; an argument that is a code is itself
-- {"key":…,"args":[…]}), and worded in the reader's language when read. The old text columns stay
-- and keep the Chinese wording: rows written before this migration have no key and show that text.
-- All columns are nullable; a null key means "show the stored text". Runs on H2 and PostgreSQL.

alter table item_event add column detail_key varchar(200);
alter table item_event add column detail_args text;

alter table notification_message add column title_key varchar(200);
alter table notification_message add column title_args text;
alter table notification_message add column body_key varchar(200);
alter table notification_message add column body_args text;

alter table escalation add column reason_key varchar(200);
alter table escalation add column reason_args text;

alter table supervision_notice add column requirement_key varchar(200);
alter table supervision_notice add column requirement_args text;

alter table meeting_referral add column reason_key varchar(200);
alter table meeting_referral add column reason_args text;

alter table rectification add column verification_key varchar(200);
alter table rectification add column verification_args text;

alter table work_item add column light_reason_key varchar(200);
alter table work_item add column light_reason_args text;

alter table light_assessment add column reason_key varchar(200);
alter table light_assessment add column reason_args text;
