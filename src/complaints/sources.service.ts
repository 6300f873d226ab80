import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { todayIn } from './complaints.service.ts';
import { receivedProblem } from './dates.rules.ts';
import { teamExists } from './directory.repo.ts';
import type { SourceKind } from './forms.ts';
import { insertSource } from './sources.repo.ts';

/** Records a compliment, case audit, practice review or inspection feedback; returns its id. */
export async function addSource(
  db: Db,
  clock: Clock,
  actor: Actor,
  s: {
    kind: SourceKind;
    title: string;
    receivedOn: string;
    teamId: string | null;
    fromWhom: string;
    summary: string;
  },
): Promise<string> {
  const outOfRange = receivedProblem('the date received', s.receivedOn, todayIn(clock));
  if (outOfRange) throw new UserInputError(outOfRange, 'receivedOn');
  return db.transaction().execute(async (trx) => {
    if (s.teamId && !(await teamExists(trx, s.teamId)))
      throw new UserInputError('Choose a team from the list', 'teamId');
    const id = newId();
    await insertSource(trx, {
      id,
      kind: s.kind,
      title: s.title,
      received_on: s.receivedOn,
      team_id: s.teamId,
      from_whom: s.fromWhom,
      summary: s.summary,
      created_by: actor.name,
      created_at: clock.now().toISOString(),
    });
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'learning-source',
      recordId: id,
      summary: `Recorded ${s.kind}: ${s.title}`,
    });
    return id;
  });
}
