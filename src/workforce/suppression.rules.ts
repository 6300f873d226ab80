/**
 * Small-number suppression for exit-interview figures. Every count published
 * (a table cell, a bar, a line in a download) is a cell; cells that add up to
 * another published cell are a constraint (the teams of a service add up to
 * the service; the services, or agency and permanent, add up to the total).
 *
 * 1. Primary: a cell of 1 to min-1 leavers is suppressed (0 is not a group).
 * 2. Complementary, per constraint: where the total is shown, the suppressed
 *    parts must be none, or at least two whose sum is at least min; where the
 *    total is suppressed, at least one part must be too (else the total is the
 *    sum of the parts). More cells are suppressed, smallest first, until so.
 * 3. Audit: no suppressed cell may be worked out from all the published
 *    figures together (linear algebra over every constraint: a cell is exposed
 *    when its unit vector lies in the row space of the equations); while one
 *    is, another cell of a constraint it is in is suppressed.
 * The result only ever grows, so it ends; at worst everything is suppressed.
 */
export interface Constraint {
  parent: string;
  children: string[];
}

export function suppress(cells: Map<string, number>, constraints: Constraint[], min: number): Set<string> {
  const hidden = new Set<string>();
  for (const [id, n] of cells) if (n > 0 && n < min) hidden.add(id);
  const value = (id: string) => cells.get(id) ?? 0;
  const hideSmallestOf = (ids: string[]): boolean => {
    const candidates = ids
      .filter((id) => !hidden.has(id) && value(id) > 0)
      .sort((a, b) => value(a) - value(b) || a.localeCompare(b));
    if (!candidates[0]) return false;
    hidden.add(candidates[0]);
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of constraints) {
      const gone = c.children.filter((id) => hidden.has(id));
      const goneSum = gone.reduce((s, id) => s + value(id), 0);
      if (!hidden.has(c.parent)) {
        if (gone.length === 0) continue;
        if (gone.length >= 2 && (goneSum >= min || goneSum === 0)) continue;
        if (!hideSmallestOf(c.children)) hidden.add(c.parent);
        changed = true;
      } else if (gone.length === 0 && value(c.parent) > 0) {
        if (!hideSmallestOf(c.children)) continue;
        changed = true;
      }
    }
    if (changed) continue;
    const exposed = firstExposed(cells, constraints, hidden);
    if (exposed) {
      const around = constraints.filter((c) => c.parent === exposed || c.children.includes(exposed));
      if (!around.some((c) => hideSmallestOf([c.parent, ...c.children]))) break;
      changed = true;
    }
  }
  return hidden;
}

/** A suppressed cell whose value follows from the published figures, or null. Exported for the tests' attacker. */
export function firstExposed(
  cells: Map<string, number>,
  constraints: Constraint[],
  hidden: Set<string>,
): string | null {
  const unknowns = [...hidden].filter((id) => cells.has(id));
  if (!unknowns.length) return null;
  const col = new Map(unknowns.map((id, i) => [id, i]));
  // Each constraint: parent − Σ children = 0; known cells move to the right-hand side (not needed for exposure).
  const rows: number[][] = [];
  for (const c of constraints) {
    const row = new Array(unknowns.length).fill(0);
    let any = false;
    const p = col.get(c.parent);
    if (p !== undefined) {
      row[p] += 1;
      any = true;
    }
    for (const ch of c.children) {
      const j = col.get(ch);
      if (j !== undefined) {
        row[j] -= 1;
        any = true;
      }
    }
    if (any) rows.push(row);
  }
  const basis = rowEchelon(rows, unknowns.length);
  for (const id of unknowns) {
    const unit = new Array(unknowns.length).fill(0);
    unit[col.get(id)!] = 1;
    if (inRowSpace(basis, unit)) return id;
  }
  return null;
}

type Reduced = { rows: number[][]; pivots: number[] };

function rowEchelon(input: number[][], width: number): Reduced {
  const rows = input.map((r) => [...r]);
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++)
      if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    if (Math.abs(rows[best]![c]!) < 1e-9) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivotRow = rows[r]!;
    const pv = pivotRow[c]!;
    for (let k = 0; k < width; k++) pivotRow[k]! /= pv;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![c]!;
      if (Math.abs(f) < 1e-12) continue;
      for (let k = 0; k < width; k++) rows[i]![k]! -= f * pivotRow[k]!;
    }
    pivots.push(c);
    r++;
  }
  return { rows: rows.slice(0, r), pivots };
}

function inRowSpace({ rows, pivots }: Reduced, v: number[]): boolean {
  const rest = [...v];
  pivots.forEach((c, i) => {
    const f = rest[c]!;
    if (Math.abs(f) < 1e-12) return;
    for (let k = 0; k < rest.length; k++) rest[k]! -= f * rows[i]![k]!;
  });
  return rest.every((x) => Math.abs(x) < 1e-9);
}

/** What a published cell shows: the count, or that it is hidden. */
export type Shown = { count: number } | { suppressed: true };
export const shownAs = (cells: Map<string, number>, hidden: Set<string>, id: string): Shown =>
  hidden.has(id) ? { suppressed: true } : { count: cells.get(id) ?? 0 };
