import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { REGULATION_DAYS } from './clocks.rules.ts';
import {
  type ComplaintEvent,
  type ComplaintState,
  inconsistencies,
  OUTCOMES,
  receive,
  replay,
  type StepResult,
  step,
} from './lifecycle.rules.ts';

const ctx = { today: '2026-11-27', calendar: REGULATION_DAYS };
const received: ComplaintEvent = {
  type: 'received',
  on: '2026-09-01',
  elements: [
    { id: 'a', summary: 'Minutes arrived late', theme: 'communication' },
    { id: 'b', summary: 'Worker did not explain the process', theme: 'communication' },
  ],
};
const found = (elementId: string, on = '2026-09-10'): ComplaintEvent => ({
  type: 'finding',
  on,
  elementId,
  outcome: 'upheld',
  finding: 'Confirmed from the records',
});
const ok = (r: StepResult): ComplaintState => {
  if (!r.ok) assert.fail(`refused: ${r.refusal.message}`);
  return r.state;
};
const refusal = (r: StepResult) => (r.ok ? assert.fail('should be refused') : r.refusal.message);
const start = () => ok(receive(received as Extract<ComplaintEvent, { type: 'received' }>, ctx));
const answeredStage1 = () =>
  replay([received, found('a'), found('b'), { type: 'responded', on: '2026-09-14' }], ctx);

describe('legal transitions: Stage 1 → 2 → 3, resolved, withdrawn', () => {
  test('the whole way through three stages', () => {
    const s = replay(
      [
        received,
        found('a'),
        found('b'),
        { type: 'responded', on: '2026-09-14' },
        { type: 'escalated', on: '2026-09-20', clockStartOn: '2026-09-22' },
        { type: 'extended', on: '2026-09-25', toDays: 65, reason: 'Worker has left; tracing them' },
        found('a', '2026-10-01'),
        found('b', '2026-10-01'),
        { type: 'responded', on: '2026-10-02' },
        { type: 'escalated', on: '2026-10-05' },
        { type: 'panel-held', on: '2026-10-20' },
        { type: 'report-issued', on: '2026-10-22' },
        found('a', '2026-10-23'),
        found('b', '2026-10-23'),
        { type: 'responded', on: '2026-10-30' },
        { type: 'ombudsman', on: '2026-11-10', reference: 'LGSCO 26 001 234' },
      ],
      ctx,
    );
    assert.equal(s.stages.length, 3);
    assert.equal(s.stages[1]!.clockStartOn, '2026-09-22');
    assert.equal(s.stages[1]!.allowedDays, 65);
    assert.equal(s.status, 'answered');
    assert.equal(s.ombudsman?.reference, 'LGSCO 26 001 234');
    assert.deepEqual(inconsistencies(s), []);
  });

  test('resolved after an answer; withdrawn at any point before; nothing changes afterwards', () => {
    const resolved = ok(step(answeredStage1(), { type: 'resolved', on: '2026-10-20' }, ctx));
    assert.equal(resolved.status, 'resolved');
    assert.match(refusal(step(resolved, { type: 'escalated', on: '2026-10-21' }, ctx)), /resolved/);
    const withdrawn = ok(step(start(), { type: 'withdrawn', on: '2026-09-03', reason: 'Sorted out' }, ctx));
    assert.equal(withdrawn.closedOn, '2026-09-03');
    assert.match(refusal(step(withdrawn, found('a'), ctx)), /withdrawn/);
  });
});

describe('refused, with a reason a person can act on', () => {
  test('answering a stage with an element that has no outcome', () => {
    const s = ok(step(start(), found('a'), ctx));
    assert.match(refusal(step(s, { type: 'responded', on: '2026-09-14' }, ctx)), /outcome for every element/);
  });
  test('a date before receipt, or in the future', () => {
    assert.match(refusal(step(start(), found('a', '2026-08-31'), ctx)), /before the complaint was received/);
    assert.match(refusal(step(start(), found('a', '2026-11-28'), ctx)), /future/);
  });
  test('extensions beyond the statutory maximum, or without a reason', () => {
    assert.match(
      refusal(step(start(), { type: 'extended', on: '2026-09-02', toDays: 21, reason: 'x' }, ctx)),
      /20 working days at most/,
    );
    assert.match(
      refusal(step(start(), { type: 'extended', on: '2026-09-02', toDays: 20, reason: ' ' }, ctx)),
      /Say why/,
    );
    assert.match(
      refusal(step(start(), { type: 'extended', on: '2026-09-02', toDays: 10, reason: 'x' }, ctx)),
      /more than the current 10/,
    );
  });
  test('illegal transitions: escalating an open stage, skipping to a panel, resolving before an answer', () => {
    assert.match(refusal(step(start(), { type: 'escalated', on: '2026-09-02' }, ctx)), /not been answered/);
    assert.match(refusal(step(start(), { type: 'panel-held', on: '2026-09-02' }, ctx)), /Only Stage 3/);
    assert.match(refusal(step(start(), { type: 'resolved', on: '2026-09-02' }, ctx)), /not been answered/);
  });
  test('escalating after the 20-working-day window needs a reason to accept it late', () => {
    // Answered Mon 14 Sep 2026; 20 working days later is Mon 12 Oct.
    const s = answeredStage1();
    ok(step(s, { type: 'escalated', on: '2026-10-12' }, ctx));
    assert.match(refusal(step(s, { type: 'escalated', on: '2026-10-13' }, ctx)), /after 2026-10-12/);
    const late = ok(
      step(s, { type: 'escalated', on: '2026-10-13', lateReason: 'Complainant was in hospital' }, ctx),
    );
    assert.equal(late.stages[1]!.lateReason, 'Complainant was in hospital');
  });
  test('no Stage 4, and no Ombudsman referral before any response', () => {
    assert.match(
      refusal(step(start(), { type: 'ombudsman', on: '2026-09-02', reference: 'X' }, ctx)),
      /response before/,
    );
  });
});

// Random histories: any mix of events, many of them illegal, in any order.
const day = fc.integer({ min: 0, max: 100 }).map((n) => {
  const d = new Date(Date.UTC(2026, 7, 25 + n));
  return d.toISOString().slice(0, 10);
});
const elementId = fc.constantFrom('a', 'b', 'c', 'd');
const anyEvent: fc.Arbitrary<ComplaintEvent> = fc.oneof(
  fc.record({
    type: fc.constant('element-added' as const),
    on: day,
    id: elementId,
    summary: fc.constantFrom('x', ' '),
    theme: fc.constant('delay'),
  }),
  fc.record({
    type: fc.constant('extended' as const),
    on: day,
    toDays: fc.integer({ min: 0, max: 80 }),
    reason: fc.constantFrom('busy', ''),
  }),
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('finding' as const),
      on: day,
      elementId,
      outcome: fc.constantFrom(...OUTCOMES),
      finding: fc.constant('f'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('panel-held' as const), on: day }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('report-issued' as const), on: day }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('responded' as const), on: day }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('escalated' as const),
      on: day,
      clockStartOn: fc.option(day, { nil: undefined }),
      lateReason: fc.option(fc.constantFrom('ok', ''), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ type: fc.constant('resolved' as const), on: day, x: fc.integer({ min: 0, max: 3 }) })
      .filter((e) => e.x === 0)
      .map(({ x: _x, ...e }) => e),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('withdrawn' as const),
      on: day,
      reason: fc.constantFrom('r', '', '', '', ''),
    }),
  },
  fc.record({ type: fc.constant('ombudsman' as const), on: day, reference: fc.constantFrom('L1', '') }),
);

describe('properties over random event sequences', () => {
  test('no sequence leaves a record inconsistent, and a refused event changes nothing', () => {
    const reached = new Set<string>();
    fc.assert(
      // Half the histories are put in date order, so that many of them get far (Stage 3, the Ombudsman).
      fc.property(
        fc.array(anyEvent, { minLength: 20, maxLength: 120, size: 'max' }),
        fc.boolean(),
        (events, inOrder) => {
          if (inOrder) events.sort((x, y) => x.on.localeCompare(y.on));
          let s = start();
          for (const e of events) {
            const before = JSON.stringify(s);
            const r = step(s, e, ctx);
            if (r.ok) s = r.state;
            else assert.equal(JSON.stringify(s), before);
            assert.deepEqual(inconsistencies(s), [], `after ${JSON.stringify(e)}`);
          }
          reached.add(`stage ${s.stages.length} ${s.status}`).add(s.ombudsman ? 'ombudsman' : 'none');
        },
      ),
      { numRuns: 2000 },
    );
    // The generator must actually reach the far states, or this property proves little.
    for (const state of ['stage 3 answered', 'stage 2 resolved', 'stage 3 withdrawn', 'ombudsman'])
      assert.ok(reached.has(state), `no random history reached ${state}: ${[...reached].join(', ')}`);
  });

  test('an accepted history replays to the same state', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 60, size: 'max' }), (events) => {
        let s = start();
        const accepted: ComplaintEvent[] = [received];
        for (const e of events) {
          const r = step(s, e, ctx);
          if (r.ok) {
            s = r.state;
            accepted.push(e);
          }
        }
        assert.deepEqual(replay(accepted, ctx), s);
      }),
      { numRuns: 500 },
    );
  });
});
