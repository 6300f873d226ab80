import { OWNABLE_FIELDS, RULE_DESCRIPTIONS, timescaleValues } from '../performance/api.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { acksOf, ackTargets, listServices, listTeams } from './acks.repo.ts';
import { standardsFor } from './acks.service.ts';
import type { MeasuredTimescale, TimescaleOption } from './library.presenter.ts';
import {
  findStandard,
  findVersion,
  listStandardHeadings,
  listVersions,
  ownerChoices,
  searchStandardHeadings,
} from './library.repo.ts';

/** The timescales the Hub measures that a standard may set, named as the rules page names them. */
export const timescaleOptions = (): TimescaleOption[] =>
  OWNABLE_FIELDS.map((f) => ({
    name: f.name,
    label: `${RULE_DESCRIPTIONS[f.setting as keyof typeof RULE_DESCRIPTIONS].title}: ${f.label.toLowerCase()}`,
    unit: f.unit,
  }));

export async function measuredTimescale(
  db: DbOrTrx,
  field: string | null,
): Promise<MeasuredTimescale | undefined> {
  if (!field) return undefined;
  const option = timescaleOptions().find((o) => o.name === field);
  const value = (await timescaleValues(db)).get(field);
  return option && value !== undefined ? { value, label: option.label, unit: option.unit } : undefined;
}

/** Words typed into the search box, as the words searched for (at most 10, letters and digits only). */
export const searchWords = (q: string) =>
  q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 10);

export async function libraryPage(db: DbOrTrx, q: string) {
  const words = searchWords(q);
  if (words.length === 0) return { rows: await listStandardHeadings(db), ids: null };
  // A search reads only the standards it found, in the one query.
  const rows = await searchStandardHeadings(db, words);
  return { rows, ids: rows.map((r) => r.id) };
}

/** A standard with what its page needs: versions, related titles, the measured timescale, and this person's acknowledgement. */
export async function standardPage(db: DbOrTrx, clock: Clock, user: Principal, id: string) {
  const standard = await findStandard(db, id);
  if (!standard) throw new NotFoundError('standard');
  const [versions, all, measured, mine, acks, targets] = await Promise.all([
    listVersions(db, id),
    listStandardHeadings(db),
    measuredTimescale(db, standard.timescale_field),
    standardsFor(db, user),
    acksOf(db, [user.id], id),
    ackTargets(db, id),
  ]);
  return {
    standard,
    versions,
    titles: new Map(all.map((s) => [s.id, s.title])),
    measured,
    asked: mine.find((m) => m.standard.id === id),
    acknowledged: acks.get(user.id)?.get(id) ?? [],
    targets,
    today: londonDay(clock.now()),
  };
}

export async function versionPage(db: DbOrTrx, id: string, version: number) {
  const [standard, v, all] = await Promise.all([
    findStandard(db, id),
    findVersion(db, id, version),
    listStandardHeadings(db),
  ]);
  if (!standard || !v) throw new NotFoundError('standard version');
  return { standard, version: v, titles: new Map(all.map((s) => [s.id, s.title])) };
}

export async function formChoices(db: DbOrTrx) {
  const [owners, standards] = await Promise.all([ownerChoices(db), listStandardHeadings(db)]);
  return {
    owners,
    standards: standards.map((s) => ({ id: s.id, title: s.title })),
    timescales: timescaleOptions(),
  };
}

export async function targetChoices(db: DbOrTrx) {
  const [teams, services] = await Promise.all([listTeams(db), listServices(db)]);
  return { teams, services };
}
