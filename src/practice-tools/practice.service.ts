import { addCpdEntry } from '../learning/api.ts';
import type { Actor } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { cpdEntryFor } from './practice.presenter.ts';
import { scenarioById } from './scenarios.ts';

export type PracticeAnswers = Parameters<typeof cpdEntryFor>[1];

/** Saves a try at a scenario and the person's reflection as a CPD entry of theirs (through learning's API). */
export async function savePracticeAsCpd(
  services: Pick<Services, 'db' | 'clock'>,
  user: Principal,
  actor: Actor,
  scenarioId: string,
  answers: PracticeAnswers,
) {
  const scenario = scenarioById(scenarioId);
  if (!scenario) throw new NotFoundError('scenario');
  const entry = cpdEntryFor(scenario, answers);
  await addCpdEntry(services, user, actor, {
    title: entry.title,
    day: londonDay(services.clock.now()),
    reflection: entry.reflection,
    peerReflected: entry.peerReflected ? 'yes' : undefined,
  });
  return scenario.title;
}
