import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkingCalendar } from '../../../platform/calendar/working-days.ts';
import { evaluateChild } from '../../rules/engine.rules.ts';
import { generateAuthority, type Worker } from './generate.ts';

const cal = new WorkingCalendar();
const workers: Worker[] = [
  { id: 'w1', teamId: 't1', holds: 'assessment' },
  { id: 'w2', teamId: 't2', holds: 'safeguarding' },
  { id: 'w3', teamId: 't3', holds: 'care' },
];
const make = (seed?: number) =>
  generateAuthority(cal, {
    children: 2000,
    asOf: '2026-11-27',
    workers,
    seed,
    featured: { workerId: 'w1', caseload: 18 },
  });

test('the synthetic authority has the national shape: a quarter looked after, a tenth on protection plans', () => {
  const a = make();
  const share = (n: number) => n / a.children.length;
  assert.ok(Math.abs(share(a.lookedAfter.length) - 0.25) < 0.03, `looked after ${a.lookedAfter.length}`);
  const cp = a.plans.filter((p) => p.kind === 'cp').length;
  assert.ok(Math.abs(share(cp) - 0.1) < 0.02, `protection plans ${cp}`);
  assert.equal(a.children.filter((c) => c.worker_id === 'w1').length >= 18, true);
  assert.ok(
    a.visits.every((v) => v.day <= '2026-11-27'),
    'nothing is dated after the day',
  );
});

test('the same seed gives the same children; another seed, others', () => {
  const strip = (a: ReturnType<typeof make>) =>
    a.children.map((c) => `${c.local_id} ${c.name} ${c.date_of_birth}`);
  assert.deepEqual(strip(make()), strip(make()));
  assert.notDeepEqual(strip(make(5)), strip(make()));
});

test('work is mostly on time, with some late, so every status shows up', () => {
  const a = make();
  const byChild = new Map<string, Parameters<typeof evaluateChild>[0]>();
  const get = (id: string) => {
    let e = byChild.get(id);
    if (!e) {
      e = {
        assessments: [],
        enquiries: [],
        plans: [],
        lookedAfter: [],
        placements: [],
        meetings: [],
        visits: [],
      };
      byChild.set(id, e);
    }
    return e;
  };
  for (const v of a.visits) get(v.child_id).visits.push({ day: v.day, seen: v.seen === 1 });
  for (const p of a.plans)
    get(p.child_id).plans.push({ kind: p.kind, startDay: p.start_day, endDay: p.end_day });
  for (const l of a.lookedAfter)
    get(l.child_id).lookedAfter.push({ startDay: l.start_day, endDay: l.end_day });
  for (const p of a.placements)
    get(p.child_id).placements.push({
      startDay: p.start_day,
      endDay: p.end_day,
      longTerm: p.long_term === 1,
    });
  for (const m of a.meetings) get(m.child_id).meetings.push({ kind: m.kind, day: m.day });
  for (const x of a.assessments)
    get(x.child_id).assessments.push({
      referralDay: x.referral_day,
      startDay: x.start_day,
      authorisedDay: x.authorised_day,
    });
  for (const e of a.enquiries)
    get(e.child_id).enquiries.push({
      strategyDay: e.strategy_day,
      icpcDay: e.icpc_day,
      icpcUnnecessary: e.icpc_unnecessary === 1,
    });
  const counts = new Map<string, number>();
  for (const e of byChild.values())
    for (const r of evaluateChild(e, cal, '2026-11-27'))
      counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const onTime = (counts.get('on-time') ?? 0) + (counts.get('due-soon') ?? 0);
  assert.ok((counts.get('overdue') ?? 0) > 0, 'some visits are late');
  assert.ok(onTime > 5 * (counts.get('overdue') ?? 0), `mostly on time: ${JSON.stringify([...counts])}`);
});
