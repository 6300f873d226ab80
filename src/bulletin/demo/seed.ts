import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_PERSONAS } from '../../demo/api.ts';
import { weeksShift } from '../../learning/api.ts';
import { addCalendarDays, londonDay } from '../../platform/calendar/days.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, DbOrTrx } from '../../platform/db/db.ts';
import type { DemoOptions } from '../../platform/feature.ts';
import { imageInfo } from '../../platform/files/image-info.ts';
import { withStoredFile } from '../../platform/files/store.ts';
import { newId } from '../../platform/ids.ts';
import { addEditorRow, insertEdition } from '../editions.repo.ts';
import { shiftMonth } from '../editions.rules.ts';
import { addArticle, reindex } from '../editions.service.ts';
import { imageFolder } from '../image-files.ts';
import { insertImage } from '../images.repo.ts';
import { freezeEdition, recordNow } from '../record.service.ts';
import {
  CONTRIBUTIONS,
  CURRENT_ARTICLES,
  CURRENT_SIGN_OFF,
  CURRENT_WELCOME,
  type DemoArticle,
  EARLIER,
} from './content.ts';

const PERSONA_NAMES = DEMO_PERSONAS.map((p) => p.name);

const byName = async (db: DbOrTrx, name: string) =>
  (await db.selectFrom('staff').select(['id', 'team_id']).where('name', '=', name).executeTakeFirst())?.id;

/**
 * The current edition (this month in London), rebuilt from the seed
 * bulletin's facts, with its training list taken from the catalogue over the
 * seed's two months as the demo moved them; two earlier editions; some
 * contributions in each state; feedback; and reads by team.
 */
export async function seedBulletin(db: Db, clock: Clock, options: DemoOptions): Promise<string> {
  const now = clock.now();
  const today = londonDay(now);
  const month = today.slice(0, 7);
  const psw = await byName(db, 'Helen Marsh');
  if (!psw) return 'no PSW in the demo: no bulletin';
  const shift = weeksShift(today);
  const trainingFrom = addCalendarDays('2021-12-01', shift);
  const trainingTo = addCalendarDays('2022-01-31', shift);
  const clockAt = (iso: string): Clock => ({ now: () => new Date(iso) });

  // The current edition's one image: its file is stored first and removed again if the seed fails.
  const withImage = CURRENT_ARTICLES.find((a) => a.image)?.image;
  const picture =
    withImage && options.dataDir ? await readFile(path.join(import.meta.dirname, withImage.file)) : null;
  let current = '';
  const seedAll = (storedName: string | null) =>
    db.transaction().execute(async (trx) => {
      // The PSW has made one colleague in her team an editor: not one of the demo's sign-in personas,
      // so each persona sees exactly what their role allows.
      const colleague = await trx
        .selectFrom('staff')
        .innerJoin('teams', 'teams.id', 'staff.team_id')
        .select('staff.id')
        .where('teams.name', '=', 'Practice and Learning Team')
        .where('staff.name', 'not in', PERSONA_NAMES)
        .where('staff.active', '=', 1)
        .orderBy('staff.name')
        .executeTakeFirst();
      if (colleague) await addEditorRow(trx, colleague.id, psw, now.toISOString());
      // Oldest first, so each edition's record knows what the one before carried.
      const editions = [
        {
          month: shiftMonth(month, -2),
          welcome: EARLIER[0]!.welcome,
          articles: EARLIER[0]!.articles,
          from: null,
        },
        {
          month: shiftMonth(month, -1),
          welcome: EARLIER[1]!.welcome,
          articles: EARLIER[1]!.articles,
          from: null,
        },
        { month, welcome: CURRENT_WELCOME, articles: CURRENT_ARTICLES, from: { trainingFrom, trainingTo } },
      ];
      const image =
        storedName && picture && withImage
          ? await demoImage(trx, clock, psw, storedName, picture, withImage.file)
          : null;
      for (const e of editions) {
        const id = await seedEdition(trx, clock, psw, e.month, e.welcome, e.articles, e.from, image);
        // Published on the first of its month at nine (or now, for an edition of today's month started earlier today).
        const at = new Date(Math.min(new Date(`${e.month}-01T09:00:00Z`).getTime(), now.getTime() - 60_000));
        const record = await recordNow(trx, id, at);
        // Earlier editions did not carry this month's lessons (they were published for this one).
        if (e.month !== month) record.sections.lessons = [];
        await freezeEdition(trx, id, record, at);
        current = id;
      }
      await seedContributions(trx, clockAt(now.toISOString()), current);
      await seedReadersAndFeedback(trx, current, now, options.size === 'full' ? 0.6 : 0.5);
    });
  if (picture && options.dataDir) await withStoredFile(imageFolder(options.dataDir), picture, seedAll);
  else await seedAll(null);
  return `3 bulletin editions (the current one for ${month}), ${CONTRIBUTIONS.length} contributions${picture ? ', 1 image' : ''}`;
}

/** The demo's image file's row: a PNG Chromium drew, with its size read from it. */
async function demoImage(
  trx: DbOrTrx,
  clock: Clock,
  by: string,
  storedName: string,
  bytes: Buffer,
  name: string,
) {
  const info = imageInfo(bytes);
  if (!info) throw new Error(`the demo image ${name} is not an image`);
  const id = newId();
  await insertImage(trx, {
    id,
    stored_name: storedName,
    content_type: info.contentType,
    size_bytes: bytes.length,
    width: info.width,
    height: info.height,
    original_name: name,
    uploaded_by: by,
    uploaded_at: clock.now().toISOString(),
  });
  return id;
}

async function seedEdition(
  trx: DbOrTrx,
  clock: Clock,
  by: string,
  month: string,
  welcome: string,
  articles: DemoArticle[],
  period: { trainingFrom: string; trainingTo: string } | null,
  imageId: string | null,
) {
  const id = newId();
  const at = clock.now().toISOString();
  const last = shiftMonth(month, 2);
  await insertEdition(trx, {
    id,
    month,
    welcome,
    sign_off: CURRENT_SIGN_OFF,
    status: 'draft',
    training_from: period?.trainingFrom ?? `${month}-01`,
    training_to: period?.trainingTo ?? addCalendarDays(`${last}-01`, -1),
    distribution: JSON.stringify({ kind: 'everyone' }),
    scheduled_for: null,
    published_at: null,
    sent_record: null,
    correction_note: null,
    corrected_at: null,
    created_by: by,
    created_at: at,
    updated_at: at,
  });
  for (const a of articles)
    await addArticle(trx, clock, id, {
      kind: a.kind,
      title: a.title,
      body: a.body,
      mustRead: !!a.mustRead,
      image: a.image && imageId ? { id: imageId, alt: a.image.alt, caption: a.image.caption } : null,
    });
  await reindex(trx, id);
  return id;
}

async function seedContributions(trx: DbOrTrx, clock: Clock, currentId: string) {
  const at = clock.now().toISOString();
  for (const c of CONTRIBUTIONS) {
    const staff = await byName(trx, c.author);
    if (!staff) continue;
    const articleId =
      c.state === 'accepted'
        ? await addArticle(trx, clock, currentId, {
            kind: 'article',
            title: c.title,
            body: c.body,
            mustRead: false,
            credit: c.author,
          })
        : null;
    await trx
      .insertInto('bulletin_contributions')
      .values({
        id: newId(),
        staff_id: staff,
        title: c.title,
        body: c.body,
        state: c.state,
        editor_note: c.note ?? null,
        article_id: articleId,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  await reindex(trx, currentId);
}

/** Reads of the current edition by a share of each team (every other person, roughly), and some ratings. */
async function seedReadersAndFeedback(trx: DbOrTrx, editionId: string, now: Date, share: number) {
  const people = await trx
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.team_id', 'teams.service_id', 'staff.name'])
    .where('staff.active', '=', 1)
    .where('staff.left_on', 'is', null)
    .orderBy('staff.id')
    .execute();
  // The demo's personas have not read it yet, so a new visitor sees the edition fresh.
  const personas = new Set(PERSONA_NAMES);
  const readers = people.filter((p, i) => !personas.has(p.name) && (i * 7919) % 100 < share * 100);
  const at = new Date(now.getTime() - 3_600_000).toISOString();
  for (let i = 0; i < readers.length; i += 200)
    await trx
      .insertInto('bulletin_reads')
      .values(
        readers.slice(i, i + 200).map((p) => ({
          edition_id: editionId,
          staff_id: p.id,
          team_id: p.team_id,
          service_id: p.service_id ?? null,
          read_at: at,
        })),
      )
      .execute();
  const wishes = [
    'More practice examples from our own teams',
    '',
    'Something on working with interpreters',
    '',
    'Shorter articles',
    '',
    '',
    'A page on supervision',
  ];
  for (const [i, p] of readers.slice(0, 8).entries())
    await trx
      .insertInto('bulletin_feedback')
      .values({
        edition_id: editionId,
        staff_id: p.id,
        rating: [5, 4, 4, 5, 3, 4, 5, 4][i]!,
        wish: wishes[i]!,
        created_at: at,
      })
      .execute();
}
