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
  return {
    title: 'Your team',
    lines: [
      `${team.name}, ${team.service}.`,
      `You work with ${plural(colleagues, 'colleague', 'colleagues')} here.`,
    ],
    link: { href: `/staff?team=${teamId}`, text: 'See your team' },
  };
}

export function agencyInTeamPanel(names: string[]): Panel {
  return {
    title: 'Agency staff in your team',
    count: names.length,
    lines: names.length
      ? [
          `${names.join(', ')}. Make sure they have had an induction, so they can explain our processes to families.`,
        ]
      : ['Nobody in your team is agency staff at the moment.'],
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
