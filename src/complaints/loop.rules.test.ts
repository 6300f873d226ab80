import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type LoopOp, type LoopState, loopConsistent, loopStep, whyLoopOpen } from './loop.rules.ts';

const empty: LoopState = { closed: false, actions: [] };
const run = (ops: LoopOp[]) =>
  ops.reduce((s, op) => {
    const r = loopStep(s, op);
    return r.ok ? r.state : s;
  }, empty);

describe('closing the loop', () => {
  test('refused with no actions, or while any action lacks evidence', () => {
    assert.equal(whyLoopOpen([]), 'Add at least one action before closing the loop');
    const s = run([
      { type: 'add-action', id: 'x' },
      { type: 'add-action', id: 'y' },
      { type: 'add-evidence', id: 'x' },
    ]);
    const r = loopStep(s, { type: 'close' });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /One action has no evidence yet/);
  });
  test('allowed once every action has evidence; a new action reopens it', () => {
    const s = run([{ type: 'add-action', id: 'x' }, { type: 'add-evidence', id: 'x' }, { type: 'close' }]);
    assert.equal(s.closed, true);
    const reopened = run([
      { type: 'add-action', id: 'x' },
      { type: 'add-evidence', id: 'x' },
      { type: 'close' },
      { type: 'add-action', id: 'z' },
    ]);
    assert.equal(reopened.closed, false);
  });
});

test('property: no sequence of operations closes a loop with an action lacking evidence', () => {
  const id = fc.constantFrom('a', 'b', 'c');
  const op: fc.Arbitrary<LoopOp> = fc.oneof(
    fc.record({ type: fc.constant('add-action' as const), id }),
    fc.record({ type: fc.constant('add-evidence' as const), id }),
    fc.constant({ type: 'close' as const }),
    fc.constant({ type: 'reopen' as const }),
  );
  let closedSeen = 0;
  fc.assert(
    fc.property(fc.array(op, { maxLength: 40, size: 'max' }), (ops) => {
      let s = empty;
      for (const o of ops) {
        const r = loopStep(s, o);
        if (r.ok) s = r.state;
        assert.ok(loopConsistent(s), JSON.stringify(s));
      }
      if (s.closed) closedSeen++;
    }),
    { numRuns: 1000 },
  );
  assert.ok(closedSeen > 0, 'some random sequences must close the loop');
});
