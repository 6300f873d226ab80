import type { Role } from '../policy/roles.ts';

/** What the Hub takes from a checked ID token. Pure. */

export interface DirectoryIdentity {
  /** Entra's object id (`oid`), the same for this person in every app of the tenant; else the provider's `sub`. */
  directoryId: string;
  /** An address the directory vouches for, lower-cased; undefined if it gave none it vouches for. */
  email: string | undefined;
  name: string | undefined;
  /** App role values and group object ids, as the token listed them. */
  memberships: string[];
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const texts = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * Only a verified address may match a staff record: `email` with `email_verified`
 * true, or Entra's `upn` (the tenant's own sign-in name, which it controls).
 * `preferred_username` is never used: Microsoft says it can be changed by the
 * person and must not be used to decide access.
 */
export function identityFrom(claims: Record<string, unknown>): DirectoryIdentity | undefined {
  const directoryId = text(claims.oid) ?? text(claims.sub);
  if (!directoryId) return undefined;
  const verifiedEmail = claims.email_verified === true ? text(claims.email) : undefined;
  const email = (verifiedEmail ?? text(claims.upn))?.toLowerCase();
  return {
    directoryId,
    email: email?.includes('@') ? email : undefined,
    name: text(claims.name),
    memberships: [...texts(claims.roles), ...texts(claims.groups)],
  };
}

/** The Hub roles a person's app roles and groups give, in the Hub's order; none if nothing maps. */
export function rolesFromDirectory(
  memberships: string[],
  map: Map<string, Role[]>,
  order: readonly Role[],
): Role[] {
  const given = new Set(memberships.flatMap((m) => map.get(m) ?? []));
  return order.filter((r) => given.has(r));
}

/** Someone marked as no longer working here, or whose leaving date has come. */
export const hasLeft = (staff: { active: number; left_on: string | null }, today: string): boolean =>
  staff.active !== 1 || (staff.left_on !== null && staff.left_on <= today);

/** "practitioner, team-manager" → what the audit row says changed. */
export function roleChange(before: readonly Role[], after: readonly Role[]): string | undefined {
  const added = after.filter((r) => !before.includes(r));
  const removed = before.filter((r) => !after.includes(r));
  if (!added.length && !removed.length) return undefined;
  const parts = [
    added.length ? `added ${added.join(', ')}` : '',
    removed.length ? `removed ${removed.join(', ')}` : '',
  ].filter(Boolean);
  return `Roles from the directory: ${parts.join('; ')}`;
}
