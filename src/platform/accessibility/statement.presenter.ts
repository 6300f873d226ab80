import { formatDate, plural } from '../views/format.ts';
import { type AccessibilityStatement, complianceStatus } from './statement.ts';

/** The statement as the page shows it: dates in words and the compliance status worked out from the list. */
export const presentStatement = (s: AccessibilityStatement) => ({
  title: 'Accessibility statement',
  s: {
    ...s,
    status: complianceStatus(s),
    preparedOn: formatDate(s.preparedOn),
    lastReviewedOn: formatDate(s.lastReviewedOn),
    lastTestedOn: formatDate(s.lastTestedOn),
    answerWithin: plural(s.contact.answerWithinWorkingDays, 'working day', 'working days'),
  },
});
