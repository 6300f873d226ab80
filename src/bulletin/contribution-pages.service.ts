import type { Db } from '../platform/db/db.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { allContributions, contributionsOf } from './contributions.repo.ts';
import { listEditions } from './editions.repo.ts';
import { isEditor } from './editions.service.ts';

export const myContributions = (db: Db, user: Principal) => contributionsOf(db, user.id);

export async function contributionsForEditor(db: Db, user: Principal) {
  if (!(await isEditor(db, user))) return null;
  const [rows, editions] = await Promise.all([allContributions(db), listEditions(db, true)]);
  return { rows, editions };
}
