import type { Database } from '../../platform/db/schema.ts';
import { type Cell, day, localId, oneOf, optionalDay, text, yesNo } from './fields.ts';

/** What a row can be checked against: the children, staff and teams already known. */
export interface ImportContext {
  today: string;
  childIds: Map<string, string>;
  staff: Map<string, { id: string; teamId: string | null }>;
  teams: Map<string, string>;
}

export type ImportTable =
  | 'children'
  | 'child_assessments'
  | 'child_enquiries'
  | 'child_plans'
  | 'child_looked_after'
  | 'child_placements'
  | 'child_meetings'
  | 'child_visits';

export interface KindSpec {
  kind: string;
  title: string;
  table: ImportTable;
  /** Columns in template order, with what each means (docs/data-formats.md says the same). */
  columns: { name: string; required: boolean; meaning: string; example: string }[];
  /** A parser per column, for files dated up to today. */
  cells(today: string): Record<string, Cell<unknown>>;
  /** The row for the table (without id), or a problem with it. */
  toRow(r: Record<string, unknown>, ctx: ImportContext): { row: Record<string, unknown> } | { error: string };
}

const col = (name: string, required: boolean, meaning: string, example: string) => ({
  name,
  required,
  meaning,
  example,
});
const child = col('child_id', true, 'the child’s id in the case-management system', 'C000123');

function withChild(ctx: ImportContext, r: Record<string, unknown>, row: Record<string, unknown>) {
  const childId = ctx.childIds.get(r.child_id as string);
  if (!childId) return { error: `child_id ${r.child_id} is not a known child (import children first)` };
  // Added to the row rather than copied into a new one: this runs for every row of a file.
  row.child_id = childId;
  return { row };
}

const endAfterStart = (r: Record<string, unknown>) =>
  r.end_date !== null && (r.end_date as string) < (r.start_date as string)
    ? { error: `end_date ${r.end_date} is before start_date ${r.start_date}` }
    : null;

export const KINDS: KindSpec[] = [
  {
    kind: 'children',
    title: 'Children',
    table: 'children',
    columns: [
      child,
      col('name', true, 'the child’s name', 'Amara Shaw'),
      col('date_of_birth', false, 'YYYY-MM-DD', '2015-04-30'),
      col('gender', false, 'as recorded', 'Female'),
      col('ethnicity', false, 'as recorded (census category)', 'Pakistani'),
      col('worker_staff_number', false, 'the allocated worker’s staff number, as in the staff list', 'D1000'),
      col('team', false, 'the team’s name; empty for the worker’s own team', 'Assessment Team 1'),
    ],
    cells: (today) => ({
      child_id: localId('child_id'),
      name: text('name', 120, true),
      date_of_birth: optionalDay('date_of_birth', today),
      gender: text('gender', 40),
      ethnicity: text('ethnicity', 80),
      worker_staff_number: text('worker_staff_number', 40),
      team: text('team', 120),
    }),
    toRow(r, ctx) {
      const worker = r.worker_staff_number ? ctx.staff.get(r.worker_staff_number as string) : undefined;
      if (r.worker_staff_number && !worker)
        return { error: `worker_staff_number ${r.worker_staff_number} is not anyone in the staff list` };
      const teamId = r.team ? ctx.teams.get((r.team as string).toLowerCase()) : (worker?.teamId ?? null);
      if (r.team && !teamId) return { error: `team "${r.team}" is not a team on the Teams page` };
      return {
        row: {
          local_id: r.child_id,
          name: r.name,
          date_of_birth: r.date_of_birth,
          gender: r.gender,
          ethnicity: r.ethnicity,
          worker_id: worker?.id ?? null,
          team_id: teamId ?? null,
        },
      };
    },
  },
  {
    kind: 'assessments',
    title: 'Assessments',
    table: 'child_assessments',
    columns: [
      col('assessment_id', true, 'the assessment’s id', 'A55501'),
      child,
      col('referral_date', true, 'the referral the timescale runs from', '2026-10-01'),
      col('start_date', false, 'when the assessment started', '2026-10-02'),
      col('authorised_date', false, 'when it was authorised (finished); empty while open', ''),
      col('outcome', false, 'what the assessment decided', 'Support needed'),
    ],
    cells: (today) => ({
      assessment_id: localId('assessment_id'),
      child_id: localId('child_id'),
      referral_date: day('referral_date', today),
      start_date: optionalDay('start_date', today),
      authorised_date: optionalDay('authorised_date', today),
      outcome: text('outcome', 120),
    }),
    toRow(r, ctx) {
      if (r.authorised_date !== null && (r.authorised_date as string) < (r.referral_date as string))
        return { error: `authorised_date ${r.authorised_date} is before referral_date ${r.referral_date}` };
      return withChild(ctx, r, {
        local_id: r.assessment_id,
        referral_day: r.referral_date,
        start_day: r.start_date,
        authorised_day: r.authorised_date,
        outcome: r.outcome || null,
      });
    },
  },
  {
    kind: 'enquiries',
    title: 'Section 47 enquiries and initial conferences',
    table: 'child_enquiries',
    columns: [
      col('enquiry_id', true, 'the enquiry’s id', 'E7001'),
      child,
      col('strategy_date', true, 'the strategy discussion that started the section 47 enquiry', '2026-11-02'),
      col('icpc_date', false, 'the initial child protection conference; empty if not held yet', ''),
      col('icpc_unnecessary', false, 'yes if a conference was judged unnecessary', 'no'),
    ],
    cells: (today) => ({
      enquiry_id: localId('enquiry_id'),
      child_id: localId('child_id'),
      strategy_date: day('strategy_date', today),
      icpc_date: optionalDay('icpc_date', today),
      icpc_unnecessary: yesNo('icpc_unnecessary'),
    }),
    toRow(r, ctx) {
      if (r.icpc_date !== null && (r.icpc_date as string) < (r.strategy_date as string))
        return { error: `icpc_date ${r.icpc_date} is before strategy_date ${r.strategy_date}` };
      return withChild(ctx, r, {
        local_id: r.enquiry_id,
        strategy_day: r.strategy_date,
        icpc_day: r.icpc_date,
        icpc_unnecessary: r.icpc_unnecessary,
      });
    },
  },
  {
    kind: 'plans',
    title: 'Child in need and child protection plans',
    table: 'child_plans',
    columns: [
      col('plan_id', true, 'the plan’s id', 'P3001'),
      child,
      col('kind', true, '"cin" (child in need) or "cp" (child protection)', 'cp'),
      col('start_date', true, 'for a protection plan, the date of the conference that made it', '2026-09-14'),
      col('end_date', false, 'empty while the plan lasts', ''),
      col('category', false, 'category of abuse (protection plans)', 'Neglect'),
    ],
    cells: (today) => ({
      plan_id: localId('plan_id'),
      child_id: localId('child_id'),
      kind: oneOf('kind', ['cin', 'cp']),
      start_date: day('start_date', today),
      end_date: optionalDay('end_date', today),
      category: text('category', 80),
    }),
    toRow: (r, ctx) =>
      endAfterStart(r) ??
      withChild(ctx, r, {
        local_id: r.plan_id,
        kind: r.kind,
        start_day: r.start_date,
        end_day: r.end_date,
        category: r.category || null,
      }),
  },
  {
    kind: 'looked-after',
    title: 'Periods of being looked after',
    table: 'child_looked_after',
    columns: [
      col('period_id', true, 'the period’s id', 'L901'),
      child,
      col('start_date', true, 'when the child started to be looked after', '2025-03-03'),
      col('end_date', false, 'empty while looked after', ''),
      col('legal_status', false, 'as recorded', 'C2 Full care order'),
    ],
    cells: (today) => ({
      period_id: localId('period_id'),
      child_id: localId('child_id'),
      start_date: day('start_date', today),
      end_date: optionalDay('end_date', today),
      legal_status: text('legal_status', 80),
    }),
    toRow: (r, ctx) =>
      endAfterStart(r) ??
      withChild(ctx, r, {
        local_id: r.period_id,
        start_day: r.start_date,
        end_day: r.end_date,
        legal_status: r.legal_status,
      }),
  },
  {
    kind: 'placements',
    title: 'Placements',
    table: 'child_placements',
    columns: [
      col('placement_id', true, 'the placement’s id', 'PL42'),
      child,
      col('start_date', true, 'when the placement started', '2025-03-03'),
      col('end_date', false, 'empty while it lasts', ''),
      col('placement_type', false, 'as recorded', 'Foster care'),
      col('long_term', false, 'yes if meant to last until the child is 18', 'yes'),
    ],
    cells: (today) => ({
      placement_id: localId('placement_id'),
      child_id: localId('child_id'),
      start_date: day('start_date', today),
      end_date: optionalDay('end_date', today),
      placement_type: text('placement_type', 80),
      long_term: yesNo('long_term'),
    }),
    toRow: (r, ctx) =>
      endAfterStart(r) ??
      withChild(ctx, r, {
        local_id: r.placement_id,
        start_day: r.start_date,
        end_day: r.end_date,
        placement_type: r.placement_type,
        long_term: r.long_term,
      }),
  },
  {
    kind: 'meetings',
    title: 'Review conferences, core groups and reviews',
    table: 'child_meetings',
    columns: [
      col('meeting_id', true, 'the meeting’s id', 'M808'),
      child,
      col(
        'kind',
        true,
        '"rcpc" (review conference), "core-group" or "lac-review" (looked-after review)',
        'rcpc',
      ),
      col('date', true, 'when it was held', '2026-11-20'),
    ],
    cells: (today) => ({
      meeting_id: localId('meeting_id'),
      child_id: localId('child_id'),
      kind: oneOf('kind', ['rcpc', 'core-group', 'lac-review']),
      date: day('date', today),
    }),
    toRow: (r, ctx) => withChild(ctx, r, { local_id: r.meeting_id, kind: r.kind, day: r.date }),
  },
  {
    kind: 'visits',
    title: 'Statutory visits',
    table: 'child_visits',
    columns: [
      col('visit_id', true, 'the visit’s id', 'V1200345'),
      child,
      col('date', true, 'when the visit happened', '2026-11-24'),
      col('kind', true, '"cin", "cp" or "lac"', 'cp'),
      col('seen', false, 'yes if the child was seen (empty means yes)', 'yes'),
      col('seen_alone', false, 'yes if the child was seen alone', 'no'),
    ],
    cells: (today) => ({
      visit_id: localId('visit_id'),
      child_id: localId('child_id'),
      date: day('date', today),
      kind: oneOf('kind', ['cin', 'cp', 'lac']),
      seen: yesNo('seen', 1),
      seen_alone: yesNo('seen_alone'),
    }),
    toRow: (r, ctx) =>
      withChild(ctx, r, {
        local_id: r.visit_id,
        day: r.date,
        kind: r.kind,
        seen: r.seen,
        seen_alone: r.seen_alone,
      }),
  },
];

export const kindSpec = (kind: string) => KINDS.find((k) => k.kind === kind);
export type TableRow<T extends ImportTable> = Database[T];
