import { formatDate } from '../platform/views/format.ts';
import type { ModuleStanding } from './elearning.rules.ts';
import { ORGANISER } from './notify.ts';

/** The monthly reminder of mandatory e-learning not done, run out or running out. */
export function elearningReminderMail(
  person: { name: string; email: string },
  module: string,
  standing: Exclude<ModuleStanding, { kind: 'current' }>,
) {
  const what =
    standing.kind === 'never'
      ? `you have not yet recorded completing ${module}`
      : standing.kind === 'expired'
        ? `your ${module} completion ran out on ${formatDate(standing.since)}`
        : `your ${module} completion runs out on ${formatDate(standing.until)}`;
  return {
    to: person.email,
    subject: `Mandatory e-learning: ${module}`,
    text: `Dear ${person.name},\n\nOur records show ${what}. It is part of the mandatory training for everyone in children's social care. Complete it in the e-learning system, then record the date at /learning/elearning.\n\n${ORGANISER.name}`,
  };
}
