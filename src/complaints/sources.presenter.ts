import type { FormDone } from '../platform/http/form.ts';
import { formatDate } from '../platform/views/format.ts';
import type { TeamRow } from './directory.repo.ts';
import { type KeptForm, SOURCE_KINDS, type SourceKind } from './forms.ts';
import { teamItems } from './options.presenter.ts';
import type { SourceRow } from './sources.repo.ts';

/** Pure: compliments, case audits, practice reviews and inspection feedback, newest first. */
export function presentSources(rows: SourceRow[]) {
  return {
    title: 'Compliments and other learning sources',
    rows: rows.map((r) => ({
      ...r,
      kindName: SOURCE_KINDS[r.kind as SourceKind],
      received: formatDate(r.received_on),
    })),
  };
}

/** Pure: the form to record a source; the kind may be chosen already by the link followed. */
export function presentNewSource(p: { kept: KeptForm; today: string; kind?: string; teams: TeamRow[] }) {
  const v = p.kept?.values ?? { receivedOn: p.today, kind: p.kind };
  return {
    title: 'Record a compliment or another learning source',
    values: v,
    errors: p.kept?.errors,
    kindItems: Object.entries(SOURCE_KINDS).map(([value, text]) => ({
      value,
      text,
      checked: v.kind === value,
    })),
    teamItems: teamItems(p.teams, v.teamId, 'Whole service'),
    backLink: { href: '/lessons/sources' },
  };
}

/** Pure: after recording a source — a compliment is thanked for; anything else goes on to what it teaches. */
export const sourceRecorded = (kind: SourceKind, id: string): FormDone =>
  kind === 'compliment'
    ? { to: '/lessons/sources', message: 'The compliment has been recorded. Thank the people it is about.' }
    : {
        to: `/lessons/items/new?source=${id}`,
        message: 'The source has been recorded. Now write down what it teaches us.',
      };
