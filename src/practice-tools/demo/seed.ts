import { demoEmail, demoWorkforce } from '../../demo/api.ts';
import { systemActor } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import { savePracticeAsCpd } from '../practice.service.ts';
import { SCENARIOS } from '../scenarios.ts';
import { findDemoPrincipal } from './seed.repo.ts';

/** A demo social worker has practised one scenario and saved it, with her supervisor's reflection, to her CPD. */
export async function seedPracticeTools(db: Db, clock: Clock): Promise<string> {
  // One of the front line (not the practitioner persona, whose CPD record starts empty).
  const persona = demoWorkforce().find((p) => p.jobTitle === 'Social Worker' && !p.leftOn && !p.agency);
  if (!persona) return 'no practitioner to practise';
  const user = await findDemoPrincipal(db, demoEmail(persona.name));
  if (!user) return 'no practitioner to practise';
  const s = SCENARIOS[0]!;
  await savePracticeAsCpd({ db, clock }, user, systemActor('demo'), s.id, {
    question: 'Do you have any worries about the course?',
    affirmation: 'You came to the meeting and stayed until the end.',
    reflection: 'It sounds like you felt you had to agree.',
    summary:
      'So you signed the plan, you did a course before, and you are not sure about this one. Is that right?',
    myReflection:
      'My first question was closed; the coach suggested “What worries do you have about the course?”. I will start visits with an open question and leave a pause.',
    peerName: 'Their team manager, in supervision',
    peerReflection:
      'We talked it through in supervision: the opening questions are now planned before each visit.',
  });
  return `${SCENARIOS.length} OARS scenarios; ${persona.name} has saved one practice to their CPD record`;
}
