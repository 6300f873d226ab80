import type { DbOrTrx } from '../platform/db/db.ts';
import { listScope } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { findLinkableChild, type LinkableChild } from './link.repo.ts';

export type { LinkableChild };

/**
 * A child another record may be linked to, found by case reference: only a child
 * this person may pick (`children:link`, scoped like every child list), so nobody
 * learns of a child outside their scope by trying references.
 */
export async function childToLink(
  db: DbOrTrx,
  user: Principal,
  reference: string,
): Promise<LinkableChild | undefined> {
  const localId = reference.trim().toUpperCase();
  if (!localId) return undefined;
  return findLinkableChild(db, listScope(user, 'children:link'), localId);
}
