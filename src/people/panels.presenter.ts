import type { Panel } from '../platform/feature.ts';
import { plural } from '../platform/views/format.ts';
import type { WorkforceCounts } from './panels.repo.ts';

/** What the people feature's home panels say. Pure. */

export const noTeamPanel = (): Panel => ({
  title: 'Your team',
  lines: ['You are not in a team yet. Ask a system admin to add you to one.'],
});

export function yourTeamPanel(
  teamId: string,
  team: { name: string; service: string },
  colleagues: number,
): Panel {
  // A team of one (a complaints officer, often) has nobody to count or to see.
  if (colleagues === 0)
    return {
      title: 'Your team',
      lines: [`${team.name}, ${team.service}.`, 'Nobody else in this team uses the Hub.'],
    };
  return {
    title: 'Your team',
    lines: [
      `${team.name}, ${team.service}.`,
      `You work with ${plural(colleagues, 'colleague', 'colleagues')} here.`,
    ],
    link: { href: `/staff?team=${teamId}`, text: 'See your team' },
  };
}

/**
 * The team's agency staff and which of them have completed induction (every
 * day of it, as the register shows); the count is those still to be inducted.
 */
export function agencyInTeamPanel(people: { name: string; inducted: boolean }[]): Panel {
  if (!people.length)
    return {
      title: 'Agency staff in your team',
      count: 0,
      lines: ['Nobody in your team is agency staff at the moment.'],
    };
  const done = people.filter((p) => p.inducted).map((p) => p.name);
  const notYet = people.filter((p) => !p.inducted).map((p) => p.name);
  const names = (xs: string[]) => xs.join(', ');
  return {
    title: 'Agency staff in your team',
    count: notYet.length,
    lines: [
      ...(done.length ? [`Completed induction: ${names(done)}.`] : []),
      ...(notYet.length
        ? [
            `Not inducted yet: ${names(notYet)}. Make sure they have an induction, so they can explain our processes to families.`,
          ]
        : ['Everyone has completed induction.']),
    ],
  };
}

export function workforcePanel(c: WorkforceCounts): Panel {
  return {
    title: 'The workforce',
    count: c.active,
    lines: [
      `${plural(c.active, 'person works', 'people work')} in children's social care, ${c.activeAgency} of them agency staff.`,
      `${plural(c.left, 'leaver is', 'leavers are')} kept with their history.`,
    ],
    link: { href: '/staff', text: 'Open the staff directory' },
  };
}
