import type { FormErrors } from '../platform/http/forms.ts';
import { whenText } from './catalogue.presenter.ts';
import type { CoursePageData } from './catalogue.service.ts';
import { placesSentence } from './session.presenter.ts';

/** A course's page: its outcomes, the dates still to come with their places, and how many have passed. */
export function presentCourse(
  { course, sessions, interested }: CoursePageData,
  now: string,
  facts: { canManage: boolean; canReport: boolean; errors?: FormErrors },
) {
  const upcoming = sessions.filter((s) => s.starts_at && s.starts_at > now);
  return {
    title: course.title,
    course,
    outcomes: course.outcomes.split('\n').filter(Boolean),
    upcoming: upcoming.map((s) => ({
      ...s,
      when: whenText(s.parts),
      places:
        s.status === 'cancelled' ? 'Cancelled' : placesSentence(s.capacity, s.counts.taken, s.counts.waiting),
    })),
    pastCount: sessions.length - upcoming.length,
    interested,
    errors: facts.errors,
    canManage: facts.canManage,
    canReport: facts.canReport,
    backLink: { href: '/learning', text: 'Back to training and learning' },
  };
}
