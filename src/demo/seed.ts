import { insertStaff } from '../people/api.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import type { DemoOptions, FeatureSeed } from '../platform/feature.ts';
import { newId } from '../platform/ids.ts';
import { DEMO_PERSONAS, type DemoPerson, demoOrganisation, FULL_DEMO_CHILDREN } from './people.ts';

export const DEMO_PASSWORD = 'practice-hub-demo';
export const DEMO_EMAIL_DOMAIN = 'calderbrook.example';

export const demoEmail = (name: string) =>
  `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${DEMO_EMAIL_DOMAIN}`;

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('staff').select('id').limit(1).executeTakeFirst();
  return !row;
}

/**
 * Seeds the fictional authority's people in one transaction, then each feature's demo data (`seeds`, from the
 * list of features). Every demo account shares
 * one password, hashed once (demo only: real accounts each get their own salt).
 */
export async function seedDemo(
  db: Db,
  clock: Clock,
  seeds: FeatureSeed[],
  options: DemoOptions = { size: 'full' },
): Promise<{ people: number; features: string[] }> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now().toISOString();
  // The full demo's workforce is generated to hold its children at about 16 each; the small one's
  // children follow its workforce instead (every seed is told the number through `options`).
  const children = options.children ?? (options.size === 'full' ? FULL_DEMO_CHILDREN : undefined);
  const org = demoOrganisation(children);
  const people: DemoPerson[] = [...DEMO_PERSONAS, ...org.people];
  await db.transaction().execute(async (trx) => {
    const teamIds = new Map<string, string>();
    for (const s of org.services) {
      const serviceId = newId();
      await trx.insertInto('services').values({ id: serviceId, name: s.name, created_at: now }).execute();
      for (const t of s.teams) {
        const id = newId();
        teamIds.set(t, id);
        await trx
          .insertInto('teams')
          .values({ id, service_id: serviceId, name: t, created_at: now })
          .execute();
      }
    }
    let number = 1000;
    for (const p of people) {
      await insertStaff(trx, now, {
        staffNumber: `D${number++}`,
        email: demoEmail(p.name),
        name: p.name,
        jobTitle: p.jobTitle,
        teamId: teamIds.get(p.team) ?? null,
        isAgency: p.agency,
        leftOn: p.leftOn,
        passwordHash: hash,
        roles: p.roles,
      });
    }
  });
  const features: string[] = [];
  const told: DemoOptions = children ? { ...options, children } : options;
  for (const f of seeds) features.push(`${f.name}: ${await f.seed(db, clock, told)}`);
  return { people: people.length, features };
}

export const demoSignInHelp = () =>
  DEMO_PERSONAS.map((p) => `  ${p.persona!.padEnd(32)} ${demoEmail(p.name)}`).join('\n') +
  `\n  (every demo account's password is: ${DEMO_PASSWORD})`;
