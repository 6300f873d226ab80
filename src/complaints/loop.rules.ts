/**
 * The learning loop, pure: a learning item has actions; each action is done
 * when its owner records evidence of what changed. The loop is closed only by
 * someone confirming it (complaints officer or PSW), and only when there is at
 * least one action and every action has evidence. A new action on a closed
 * item reopens it, so "closed with an action lacking evidence" cannot happen.
 */
export interface LoopAction {
  id: string;
  hasEvidence: boolean;
}

export interface LoopState {
  closed: boolean;
  actions: LoopAction[];
}

export type LoopOp =
  | { type: 'add-action'; id: string }
  | { type: 'add-evidence'; id: string }
  | { type: 'close' }
  | { type: 'reopen' };

export type LoopResult = { ok: true; state: LoopState } | { ok: false; message: string; field: string };

/** Why the loop cannot be closed yet, or null when it can. */
export function whyLoopOpen(actions: readonly LoopAction[]): string | null {
  if (actions.length === 0) return 'Add at least one action before closing the loop';
  const waiting = actions.filter((a) => !a.hasEvidence).length;
  if (waiting === 1)
    return 'One action has no evidence yet: the loop closes only when every action has evidence';
  if (waiting > 1)
    return `${waiting} actions have no evidence yet: the loop closes only when every action has evidence`;
  return null;
}

export function loopStep(s: LoopState, op: LoopOp): LoopResult {
  switch (op.type) {
    case 'add-action':
      if (s.actions.some((a) => a.id === op.id))
        return { ok: false, message: 'That action exists', field: 'form' };
      return {
        ok: true,
        state: { closed: false, actions: [...s.actions, { id: op.id, hasEvidence: false }] },
      };
    case 'add-evidence': {
      if (!s.actions.some((a) => a.id === op.id))
        return { ok: false, message: 'No such action', field: 'form' };
      const actions = s.actions.map((a) => (a.id === op.id ? { ...a, hasEvidence: true } : a));
      return { ok: true, state: { ...s, actions } };
    }
    case 'close': {
      if (s.closed) return { ok: false, message: 'The loop is already closed', field: 'form' };
      const why = whyLoopOpen(s.actions);
      return why ? { ok: false, message: why, field: 'form' } : { ok: true, state: { ...s, closed: true } };
    }
    case 'reopen':
      return { ok: true, state: { ...s, closed: false } };
  }
}

/** A consistent item: closed only with actions, all of them with evidence. */
export const loopConsistent = (s: LoopState) => !s.closed || whyLoopOpen(s.actions) === null;
