import type { FormErrors } from '../platform/http/forms.ts';
import { formatDateWithWeekday, plural } from '../platform/views/format.ts';
import type { RegisterData } from './attendance.service.ts';
import { OUTCOMES, type Outcome } from './attendance.service.ts';

const OUTCOME_TEXT: Record<Outcome, string> = {
  attended: 'Attended',
  partial: 'Partly attended',
  'no-show': 'Did not attend',
};

/** The register for one day: links to each day, and each person with the three outcomes to choose from. */
export function presentRegister({ s, parts, part, people, open }: RegisterData, errors?: FormErrors) {
  return {
    title: `Register: ${s.title}`,
    // A register per day of the session, each titled by its day.
    documentTitle: `Register: ${s.title}${part ? `, ${formatDateWithWeekday(part.day)}` : ''}`,
    s,
    part,
    open,
    day: part ? formatDateWithWeekday(part.day) : '',
    dayLinks: parts.map((p, i) => ({
      href: `/learning/sessions/${s.id}/register?part=${p.id}`,
      text: `Day ${i + 1}: ${formatDateWithWeekday(p.day)}`,
      current: p.id === part?.id,
    })),
    people: people.map((p, i) => ({
      ...p,
      index: i,
      items: OUTCOMES.map((o) => ({ value: o, text: OUTCOME_TEXT[o], checked: p.outcome === o })),
    })),
    errors,
    backLink: { href: `/learning/sessions/${s.id}`, text: 'Back to the session' },
  };
}

/** A sign-in sheet to print for one day. */
export function presentSignInSheet({ s, part, people }: RegisterData) {
  return {
    title: `Sign-in sheet: ${s.title}`,
    documentTitle: `Sign-in sheet: ${s.title}${part ? `, ${formatDateWithWeekday(part.day)}` : ''}`,
    day: part
      ? `${formatDateWithWeekday(part.day)}, ${part.start_time} to ${part.end_time ?? 'end time to be confirmed'}`
      : 'Date to be confirmed',
    where: s.venue || (s.online_link ? 'Online' : 'Venue to be confirmed'),
    people,
    backLink: { href: `/learning/sessions/${s.id}`, text: 'Back to the session' },
  };
}

export const registerSavedMessage = (marked: number) =>
  `The register has been saved for ${plural(marked, 'person', 'people')}.`;
