/**
 * What the accessibility statement says, kept by the team beside the code:
 * when a problem is found, add it here with what to do instead; when it is
 * fixed, take it out and record the review. The statement page
 * (/accessibility) is built from this list, and statement.test.ts fails when
 * the review is more than a year old or an entry is incomplete.
 *
 * The Public Sector Bodies (Websites and Mobile Applications) (No. 2)
 * Accessibility Regulations 2018, regulation 7, ask for: what is not
 * accessible and why, the accessible alternatives, how to report a problem
 * and ask for content in another format, and a link to the enforcement
 * procedure; the model statement adds the compliance status and when the
 * statement was prepared and last reviewed.
 */

export interface KnownProblem {
  /** What does not work, in words a person using the Hub recognises. */
  problem: string;
  /** The WCAG 2.2 success criteria it fails, as "1.4.1 Use of colour". */
  criteria: string[];
  /** What to do instead until it is fixed. */
  instead: string;
  /** When we plan to fix it (YYYY-MM), or why we cannot. */
  plan: string;
}

export interface AccessibilityStatement {
  /** YYYY-MM-DD */
  preparedOn: string;
  /** YYYY-MM-DD: the team's last review of this list against the service. */
  lastReviewedOn: string;
  /** YYYY-MM-DD: the last test of the service, and how it was tested. */
  lastTestedOn: string;
  howTested: string;
  /** Where to report a problem or ask for another format, and how soon we answer. */
  contact: { email: string; phone?: string; answerWithinWorkingDays: number };
  knownProblems: KnownProblem[];
}

export const STATEMENT: AccessibilityStatement = {
  preparedOn: '2026-11-27',
  lastReviewedOn: '2026-12-02',
  lastTestedOn: '2026-12-02',
  howTested:
    'The team tested every page for every role with automated checks (axe, against WCAG 2.2 AA; reflow at 320 pixels; names that match what buttons and links show; a title per page), and an auditor tested the service by hand with a keyboard, a screen reader and speech recognition.',
  contact: { email: 'digital.accessibility@calderbrook.example', answerWithinWorkingDays: 5 },
  knownProblems: [
    {
      problem:
        'Documents people upload to a complaint or a lesson (letters, reports, scanned forms) are shown as they were received, and some scanned documents are images of text that a screen reader cannot read.',
      criteria: ['1.1.1 Non-text content', '1.3.1 Info and relationships'],
      instead:
        'Ask the complaints team for the document in another format (an accessible PDF, a Word document, large print or read aloud) and they will send it.',
      plan: 'Documents from outside the council are outside our control; we ask officers to upload text, not scans, where they can.',
    },
  ],
};

/** "fully" when nothing is known to fail, otherwise "partially" (the model statement's wording). */
export const complianceStatus = (s: AccessibilityStatement) =>
  s.knownProblems.length ? ('partially' as const) : ('fully' as const);
