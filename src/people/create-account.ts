import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { UserInputError } from '../platform/http/errors.ts';
import { ROLES } from '../platform/policy/roles.ts';
import { teamIdByName } from './org.repo.ts';
import { insertStaff, staffIdByEmail } from './staff.repo.ts';

const accountInput = z.object({
  email: z.string().trim().toLowerCase().email('Give a valid email address'),
  name: z.string().trim().min(1).max(120),
  role: z.array(z.enum(ROLES)).min(1),
  team: z.string().optional(),
  staffNumber: z.string().max(40).optional(),
  // NCSC guidance favours length over complexity rules.
  password: z.string().min(12, 'The password must be at least 12 characters').max(200),
});

/** Adds a person who can sign in (the first system admin, typically). */
export async function createAccount(db: Db, clock: Clock, actor: Actor, raw: unknown): Promise<string> {
  const parsed = accountInput.safeParse(raw);
  if (!parsed.success)
    throw new UserInputError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const input = parsed.data;
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    let teamId: string | null = null;
    if (input.team) {
      teamId = (await teamIdByName(trx, input.team)) ?? null;
      if (!teamId) throw new UserInputError(`There is no team called "${input.team}"`);
    }
    if (await staffIdByEmail(trx, input.email))
      throw new UserInputError(`${input.email} already has an account`);
    const id = await insertStaff(trx, clock.now().toISOString(), {
      staffNumber: input.staffNumber ?? `U-${randomUUID().slice(0, 8)}`,
      email: input.email,
      name: input.name,
      teamId,
      passwordHash: hash,
      roles: input.role,
    });
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'staff',
      recordId: id,
      summary: `Created account for ${input.name}`,
    });
    return id;
  });
}
