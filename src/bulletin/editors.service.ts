import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { UserInputError } from '../platform/http/errors.ts';
import { can, ForbiddenError } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { addEditorRow, removeEditorRow, staffByEmailRow } from './editions.repo.ts';
import type { Ctx } from './editions.service.ts';

/** The PSW makes someone an editor by their email address, or stops them being one. */
export async function setEditor(
  { db, clock }: Ctx,
  actor: Actor,
  user: Principal,
  input: { email: string; add: boolean },
) {
  return db.transaction().execute(async (trx) => {
    if (!can(user, 'bulletin:editors')) throw new ForbiddenError('bulletin:editors');
    const person = await staffByEmailRow(trx, input.email);
    if (!person) throw new UserInputError('Nobody working here has that email address', 'email');
    const now = clock.now().toISOString();
    if (input.add) await addEditorRow(trx, person.id, user.id, now);
    else await removeEditorRow(trx, person.id);
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'bulletin-editor',
      recordId: person.id,
      summary: `${input.add ? 'Made' : 'Stopped'} ${person.name} ${input.add ? 'an editor' : 'being an editor'} of the bulletin`,
    });
    return person.name;
  });
}
