import { londonDay } from '../platform/calendar/days.ts';
import type { FormErrors, keptForm } from '../platform/http/forms.ts';
import { dayRowsOf, rowField, rowsAsFields, rowsOfParts } from './parts.parse.ts';
import type { LrnCoursesTable, LrnSessionPartsTable, LrnSessionsTable } from './schema.ts';

/** The answers and errors a form kept for its next view (post/redirect/get). */
export type Kept = ReturnType<typeof keptForm>;

export function presentAdminList(
  courses: { id: string; title: string; category: string; sessions: number }[],
) {
  return { title: 'Run the training offer', courses };
}

/** The course form: empty with the usual choices for a new course, or the course's own answers to change. */
export function presentCourseForm(course: LrnCoursesTable | undefined, kept: Kept) {
  const values =
    kept?.values ??
    (course
      ? {
          title: course.title,
          summary: course.summary,
          description: course.description,
          category: course.category,
          audience: course.audience,
          providerKind: course.provider_kind,
          providerName: course.provider_name,
          providerLink: course.provider_link ?? '',
          providerInstructions: course.provider_instructions,
          mandatory: course.mandatory ? 'yes' : 'no',
          needsApproval: course.needs_approval ? 'yes' : 'no',
          outcomes: course.outcomes,
          focusMonth: course.focus_month ?? '',
          youSaidWeDid: course.you_said_we_did,
        }
      : { audience: 'everyone', providerKind: 'internal', mandatory: 'no', needsApproval: 'no' });
  return {
    title: course ? `Change ${course.title}` : 'Add a course',
    action: course ? `/learning/admin/courses/${course.id}/edit` : '/learning/admin/courses/new',
    values,
    errors: kept?.errors,
    backLink: { href: course ? `/learning/courses/${course.id}` : '/learning/admin' },
  };
}

/**
 * The session form: a new session of the course, or the session's settings and
 * its days (one a line) to change; a session not yet cancelled can be cancelled.
 */
export function presentSessionForm(
  course: Pick<LrnCoursesTable, 'id' | 'title'>,
  s: LrnSessionsTable | undefined,
  parts: Pick<LrnSessionPartsTable, 'day' | 'start_time' | 'end_time'>[],
  kept: Kept,
) {
  const values =
    kept?.values ??
    (s
      ? {
          label: s.label,
          capacity: s.capacity === null ? '' : String(s.capacity),
          venue: s.venue,
          onlineLink: s.online_link ?? '',
          trainers: s.trainers,
          ...rowsAsFields(rowsOfParts(parts)),
          signupOpens: s.signup_opens_at ? londonDay(new Date(s.signup_opens_at)) : '',
          signupCloses: s.signup_closes_at ? londonDay(new Date(s.signup_closes_at)) : '',
          cancelCutoffHours: String(s.cancel_cutoff_hours),
          offerWindowDays: String(s.offer_window_days),
          holdHours: String(s.hold_hours),
        }
      : { cancelCutoffHours: '24', offerWindowDays: '1', holdHours: '4', dayCount: '1' });
  const errors = kept?.errors;
  return {
    title: s ? `Change a session of ${course.title}` : `Add a session of ${course.title}`,
    action: s ? `/learning/admin/sessions/${s.id}/edit` : `/learning/admin/courses/${course.id}/sessions/new`,
    values,
    errors,
    dayRows: dayRowsView(values, errors),
    dayCount: dayRowsOf(values).length,
    // Asked once a day nobody works has been entered (see session-dates.rules.ts).
    askNonWorking: Boolean(errors?.fields.confirmNonWorking) || values.confirmNonWorking === 'yes',
    cancelAction: s && s.status !== 'cancelled' ? `/learning/admin/sessions/${s.id}/cancel` : null,
    backLink: { href: s ? `/learning/sessions/${s.id}` : `/learning/courses/${course.id}` },
  };
}

/** Each day's row of the session form: its date input and two time inputs, with the answers and errors kept. */
function dayRowsView(values: Record<string, unknown>, errors: FormErrors | undefined) {
  return dayRowsOf(values).map((r, i) => {
    const error = (f: Parameters<typeof rowField>[1]) => errors?.fields[rowField(i, f)];
    const dateError = error('day') ?? error('month') ?? error('year');
    const item = (name: 'day' | 'month' | 'year', width: number) => ({
      name,
      label: { day: 'Day', month: 'Month', year: 'Year' }[name],
      value: r[name],
      classes: `govuk-input--width-${width}${dateError ? ' govuk-input--error' : ''}`,
    });
    return {
      number: i + 1,
      prefix: `day-${i}`,
      dateError,
      items: [item('day', 2), item('month', 2), item('year', 4)],
      start: r.start,
      end: r.end,
      startError: error('start'),
      endError: error('end'),
    };
  });
}

export const sessionChangedMessage = (out: { timesChanged: boolean; told: number }) =>
  out.timesChanged
    ? `The session has been changed and ${out.told} booked people have been sent the new times.`
    : 'The session has been changed.';

export const sessionCancelledMessage = (told: number) =>
  `The session has been cancelled and ${told} ${told === 1 ? 'person has' : 'people have'} been told.`;
