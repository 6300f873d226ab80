import { type RawBuilder, sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/db.ts';
import type { RuleSettings } from '../rules/settings.rules.ts';

export interface OracleRow {
  child_id: string;
  rule: string;
  status: string;
  due_day: string;
  days_late: number;
}

/**
 * The same indicators as the rules engine, written the way a council analyst
 * would: plain SQL over the episode tables and a working-day calendar table
 * (working_calendar_days, filled by fillCalendarTable). The timescales are
 * the authority's settings, passed in as query parameters (the same object the
 * engine is given); nothing else comes from the engine, so agreement between
 * the two is evidence that both are right. Portable SQL: the same text runs on
 * SQLite and PostgreSQL.
 */
export async function oracleStatuses(db: DbOrTrx, asOf: string, s: RuleSettings): Promise<OracleRow[]> {
  // A whole number as a typed parameter (PostgreSQL cannot guess a bare parameter's type in a CASE).
  const n = (v: number) => sql`cast(${v} as integer)`;
  // The day `months` calendar months after the day in calendar row `c`, held to the end of a shorter month.
  const plusMonths = (c: string, months: number): RawBuilder<unknown> =>
    sql`(select max(t.day) from working_calendar_days t
          where t.month_number = ${sql.ref(`${c}.month_number`)} + ${n(months)}
            and t.day_of_month <= ${sql.ref(`${c}.day_of_month`)})`;
  const rc = s['review-conference'];
  const lv = s['lac-visits'];
  const lr = s['lac-reviews'];
  const result = await sql<OracleRow>`
with
  cal as (select day, day_number, working, working_rank as r, plus_12_months, month_number, day_of_month from working_calendar_days),
  today as (select r from cal where day = ${asOf}),
  -- The latest assessment, enquiry, plan and period of care per child, as known on the day.
  assessment as (
    select child_id, referral_day, authorised_day,
           row_number() over (partition by child_id order by referral_day desc) as n
    from child_assessments where referral_day <= ${asOf}),
  enquiry as (
    select child_id, strategy_day, icpc_day, icpc_unnecessary,
           row_number() over (partition by child_id order by strategy_day desc) as n
    from child_enquiries where strategy_day <= ${asOf}),
  plan as (
    select child_id, kind, start_day,
           row_number() over (partition by child_id, kind order by start_day desc) as n
    from child_plans where start_day <= ${asOf} and (end_day is null or end_day > ${asOf})),
  care as (
    select child_id, start_day,
           row_number() over (partition by child_id order by start_day desc) as n
    from child_looked_after where start_day <= ${asOf} and (end_day is null or end_day > ${asOf})),
  placement as (
    select p.child_id, p.start_day, p.long_term,
           row_number() over (partition by p.child_id order by p.start_day desc) as n
    from child_placements p join care c on c.child_id = p.child_id and c.n = 1
    where p.start_day >= c.start_day and p.start_day <= ${asOf}),
  -- One row per child and rule: when it is due, and when it was done (one-off work only).
  due as (
    select a.child_id, 'assessment' as rule, d.day as due_day, a.authorised_day as done_day, 1 as one_off
    from assessment a join cal s on s.day = a.referral_day join cal d on d.working = 1 and d.r = s.r + ${n(s.assessment.workingDays)}
    where a.n = 1
    union all
    select e.child_id, 'icpc', d.day, e.icpc_day, 1
    from enquiry e join cal s on s.day = e.strategy_day join cal d on d.working = 1 and d.r = s.r + ${n(s.icpc.workingDays)}
    where e.n = 1 and e.icpc_unnecessary = 0
    union all
    select p.child_id, 'first-core-group', d.day,
           (select min(m.day) from child_meetings m
             where m.child_id = p.child_id and m.kind = 'core-group' and m.day >= p.start_day and m.day <= ${asOf}), 1
    from plan p join cal s on s.day = p.start_day join cal d on d.working = 1 and d.r = s.r + ${n(s['first-core-group'].workingDays)}
    where p.kind = 'cp' and p.n = 1
    union all
    select x.child_id, 'review-conference', case when x.last_day is null then ${plusMonths('s', rc.firstMonths)} else ${plusMonths('l', rc.thenMonths)} end, null, 0
    from (select p.child_id, p.start_day,
                 (select max(m.day) from child_meetings m
                   where m.child_id = p.child_id and m.kind = 'rcpc' and m.day >= p.start_day and m.day <= ${asOf}) as last_day
          from plan p where p.kind = 'cp' and p.n = 1) x
    join cal s on s.day = x.start_day left join cal l on l.day = x.last_day
    union all
    select x.child_id, case when x.kind = 'cp' then 'cp-visits' else 'cin-visits' end, d.day, null, 0
    from (select p.child_id, p.kind, coalesce(
                 (select max(v.day) from child_visits v
                   where v.child_id = p.child_id and v.seen = 1 and v.day >= p.start_day and v.day <= ${asOf}),
                 p.start_day) as from_day
          from plan p where p.n = 1) x
    join cal s on s.day = x.from_day
    join cal d on d.working = 1 and d.r = s.r + case when x.kind = 'cp' then ${n(s['cp-visits'].workingDays)} else ${n(s['cin-visits'].workingDays)} end
    union all
    select y.child_id, 'lac-visits',
           case when y.last_day is null then (select day from cal where day_number = ps.day_number + ${n(lv.afterPlacementDays)})
                when y.last_day < ps.plus_12_months then (select day from cal where day_number = l.day_number + ${n(lv.firstYearDays)})
                when y.long_term = 0 then (select day from cal where day_number = l.day_number + ${n(lv.otherDays)})
                else ${plusMonths('l', lv.longTermMonths)} end, null, 0
    from (select c.child_id, coalesce(p.start_day, c.start_day) as placed, coalesce(p.long_term, 0) as long_term,
                 (select max(v.day) from child_visits v
                   where v.child_id = c.child_id and v.seen = 1 and v.day >= coalesce(p.start_day, c.start_day) and v.day <= ${asOf}) as last_day
          from care c left join placement p on p.child_id = c.child_id and p.n = 1
          where c.n = 1) y
    join cal ps on ps.day = y.placed left join cal l on l.day = y.last_day
    union all
    select z.child_id, 'lac-reviews',
           case when z.reviews = 0 then (select d.day from cal d where d.working = 1 and d.r = s.r + ${n(lr.firstWorkingDays)})
                when z.reviews = 1 then ${plusMonths('l', lr.secondMonths)} else ${plusMonths('l', lr.thenMonths)} end, null, 0
    from (select c.child_id, c.start_day,
                 (select count(*) from child_meetings m
                   where m.child_id = c.child_id and m.kind = 'lac-review' and m.day >= c.start_day and m.day <= ${asOf}) as reviews,
                 (select max(m.day) from child_meetings m
                   where m.child_id = c.child_id and m.kind = 'lac-review' and m.day >= c.start_day and m.day <= ${asOf}) as last_day
          from care c where c.n = 1) z
    join cal s on s.day = z.start_day left join cal l on l.day = z.last_day)
select due.child_id, due.rule, due.due_day,
       case
         when due.one_off = 1 and due.done_day is not null and due.done_day <= ${asOf}
           then case when due.done_day > due.due_day then 'overdue' else 'on-time' end
         when ${asOf} > due.due_day then 'overdue'
         when dd.r - today.r <= ${n(s.dueSoonWorkingDays)} then 'due-soon'
         else 'on-time'
       end as status,
       case
         when due.one_off = 1 and due.done_day is not null and due.done_day <= ${asOf}
           then case when due.done_day > due.due_day then done.r - dd.r else 0 end
         when ${asOf} > due.due_day then today.r - dd.r
         else 0
       end as days_late
from due
cross join today
join cal dd on dd.day = due.due_day
left join cal done on done.day = due.done_day
order by due.child_id, due.rule`.execute(db);
  return result.rows.map((r) => ({ ...r, days_late: Number(r.days_late) }));
}
