-- Issue 15, points 6 and 7. Runs on H2 and PostgreSQL.

-- 1. A monthly round reports on the month that ended. Until now a round stored the month it was
-- opened in (CheckInService.currentPeriod() when the round's first step ran, or when a task of a
-- round without a month was completed): the round opened on 1 June 2026 filed its check-ins, submitted
-- and missed alike, under 2026-06 although they reported on May, and January's round filed
-- December under the new year. Every stored check-in moves one month back, 2027-01 to 2026-12.
-- All rows move together, so no two of one item meet on a month; but both databases check the
-- unique key (work_item_id, period) row by row during an update, so the rows go through a form no
-- month has (X + yyyyMM, seven characters like the column) and then to their month.
update check_in
   set period = 'X' || case
       when substring(period, 6, 2) = '01'
         then lpad(cast(cast(substring(period, 1, 4) as integer) - 1 as varchar(4)), 4, '0') || '12'
       else substring(period, 1, 4) || lpad(cast(cast(substring(period, 6, 2) as integer) - 1 as varchar(2)), 2, '0')
     end
 where period like '____-__';

update check_in
   set period = substring(period, 2, 4) || '-' || substring(period, 6, 2)
 where period like 'X______';

-- The item's history names the month its check-in was filed under ("2026-06：40%", "2026-06") and
-- the timeline finds the check-in by it: the same month, moved the same way.
update item_event
   set detail = case
       when substring(detail, 6, 2) = '01'
         then lpad(cast(cast(substring(detail, 1, 4) as integer) - 1 as varchar(4)), 4, '0') || '-12'
       else substring(detail, 1, 5) || lpad(cast(cast(substring(detail, 6, 2) as integer) - 1 as varchar(2)), 2, '0')
     end || substring(detail, 8)
 where kind in ('CHECK_IN_SUBMITTED', 'CHECK_IN_MISSED')
   and detail like '____-__%'
   and substring(detail, 6, 2) in ('01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12');

-- 2. 序时进度 runs from the item's own start: the start date a decomposition sheet gives, else the day
-- the item was issued (null: no start date given).
alter table work_item add column start_date date;

-- 3. A light keeps how many check-ins the item had submitted when it was set, so that an item never
-- reported shows 未填报 rather than "0 天" (null: a light set before this release).
alter table light_assessment add column submitted_check_ins integer;
