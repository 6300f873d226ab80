import type { Role } from '../platform/policy/roles.ts';

/** A fictional authority: every name here is made up. */
export const DEMO_SERVICES: { name: string; teams: string[] }[] = [
  { name: 'Front Door and Assessment', teams: ['Front Door', 'Assessment Team 1', 'Assessment Team 2'] },
  { name: 'Children in Need and Protection', teams: ['Safeguarding Team North', 'Safeguarding Team South'] },
  { name: 'Children in Care and Care Leavers', teams: ['Children in Care Team', 'Leaving Care Team'] },
  {
    name: 'Practice, Quality and Learning',
    teams: ['Practice and Learning Team', 'Complaints and Customer Relations', 'Systems Team'],
  },
];

export interface DemoPerson {
  persona?: string;
  name: string;
  jobTitle: string;
  team: string;
  roles: Role[];
  agency?: boolean;
  leftOn?: string;
}

/** The people a new user signs in as, one per role. */
export const DEMO_PERSONAS: DemoPerson[] = [
  {
    persona: 'Practitioner',
    name: 'Amina Hussain',
    jobTitle: 'Social Worker',
    team: 'Assessment Team 1',
    roles: ['practitioner'],
  },
  {
    persona: 'Team manager',
    name: 'Daniel Price',
    jobTitle: 'Team Manager',
    team: 'Assessment Team 1',
    roles: ['team-manager'],
  },
  {
    persona: 'Service manager',
    name: 'Grace Adeyemi',
    jobTitle: 'Service Manager',
    team: 'Assessment Team 2',
    roles: ['service-manager'],
  },
  {
    persona: 'Principal Social Worker',
    name: 'Helen Marsh',
    jobTitle: 'Principal Social Worker',
    team: 'Practice and Learning Team',
    roles: ['psw'],
  },
  {
    persona: 'Learning and development admin',
    name: 'Priya Shah',
    jobTitle: 'Learning and Development Officer',
    team: 'Practice and Learning Team',
    roles: ['ld-admin'],
  },
  {
    persona: 'Complaints officer',
    name: 'Tom Whitfield',
    jobTitle: 'Complaints Officer',
    team: 'Complaints and Customer Relations',
    roles: ['complaints-officer'],
  },
  {
    persona: 'System admin',
    name: 'Chris Evans',
    jobTitle: 'Systems Administrator',
    team: 'Systems Team',
    roles: ['system-admin'],
  },
];

const FIRST = [
  'Aisha',
  'Ben',
  'Chloe',
  'Dev',
  'Ellie',
  'Farah',
  'George',
  'Hannah',
  'Imran',
  'Jess',
  'Kieran',
  'Leah',
  'Mo',
  'Nadia',
  'Owen',
  'Rachel',
  'Sajid',
  'Tara',
  'Usman',
  'Zoe',
];
const LAST = [
  'Ali',
  'Brown',
  'Clarke',
  'Dawson',
  'Iqbal',
  'Jones',
  'Khan',
  'Lewis',
  'Mahmood',
  'Noble',
  'Patel',
  'Riley',
  'Sutcliffe',
  'Walsh',
];

/** Practitioners and managers for every front-line team, some agency, a few leavers. */
export function demoWorkforce(): DemoPerson[] {
  const frontLine = DEMO_SERVICES.slice(0, 3).flatMap((s) => s.teams);
  const people: DemoPerson[] = [];
  let n = 0;
  const nextName = () => {
    const name = `${FIRST[n % FIRST.length]} ${LAST[(n * 7 + Math.floor(n / FIRST.length)) % LAST.length]}`;
    n++;
    return name;
  };
  for (const team of frontLine) {
    if (team !== 'Assessment Team 1')
      people.push({ name: nextName(), jobTitle: 'Team Manager', team, roles: ['team-manager'] });
    for (let i = 0; i < 7; i++) {
      people.push({
        name: nextName(),
        jobTitle: i === 0 ? 'Advanced Practitioner' : i === 6 ? 'Family Support Worker' : 'Social Worker',
        team,
        roles: ['practitioner'],
        agency: i === 3 || i === 5 ? true : undefined,
        leftOn: i === 4 && team.startsWith('Safeguarding') ? '2026-09-30' : undefined,
      });
    }
  }
  return people;
}

/** How many children the full demo authority has: Bradford's scale (shared/domain.md). */
export const FULL_DEMO_CHILDREN = 6000;
/** shared/domain.md, "The workforce": children and family social workers carry about 16 cases each. */
const AVERAGE_CASELOAD = 16;
/** Nationally, of every 100 children in need: 30 being assessed, 45 on a plan at home, 25 looked after. */
const SHARES = { assessment: 0.3, safeguarding: 0.45, care: 0.25 } as const;
type Holds = keyof typeof SHARES;
const holdsOf = (team: string): Holds =>
  /^(Front Door|Assessment)/.test(team) ? 'assessment' : /^Safeguarding/.test(team) ? 'safeguarding' : 'care';
const SERVICE_OF: Record<Holds, string> = {
  assessment: 'Front Door and Assessment',
  safeguarding: 'Children in Need and Protection',
  care: 'Children in Care and Care Leavers',
};
const TEAM_NAME: Record<Holds, (n: number) => string> = {
  assessment: (n) => `Assessment Team ${n + 3}`,
  safeguarding: (n) => `Safeguarding Team ${n + 3}`,
  care: (n) => `Children in Care Team ${n + 2}`,
};
const MORE_FIRST = [
  'Abdul',
  'Amelia',
  'Bethany',
  'Callum',
  'Daisy',
  'Ethan',
  'Faisal',
  'Grace',
  'Harvey',
  'Isla',
  'Jack',
  'Kiran',
  'Laura',
  'Maryam',
  'Nathan',
  'Olivia',
  'Parveen',
  'Rosie',
  'Samir',
  'Sophie',
  'Thomas',
  'Uzma',
  'Victoria',
  'William',
  'Yasmin',
  'Adam',
  'Bilal',
  'Ciara',
  'Danielle',
  'Emma',
];
const MORE_LAST = [
  'Akhtar',
  'Barker',
  'Chapman',
  'Dixon',
  'Ellis',
  'Fletcher',
  'Greenwood',
  'Hussain',
  'Ingham',
  'Jackson',
  'Kennedy',
  'Lodge',
  'Marsden',
  'Nawaz',
  'Oldroyd',
  'Parkinson',
  'Qureshi',
  'Robinson',
  'Shaw',
  'Taylor',
  'Uddin',
  'Varley',
  'Wood',
  'Young',
  'Ahmed',
  'Bottomley',
  'Crowther',
  'Dean',
  'Firth',
  'Hirst',
];

/**
 * The workforce that holds a given number of children at about 16 each (domain.md): the
 * demo's own front-line teams, and as many more teams of a manager and eight practitioners
 * as the children need, by kind of work, so no one carries 80 children. With no number,
 * just the demo's own teams (the small authority's children then follow its workforce).
 */
export function demoOrganisation(children?: number): {
  services: { name: string; teams: string[] }[];
  people: DemoPerson[];
} {
  const people = demoWorkforce();
  const services = DEMO_SERVICES.map((s) => ({ name: s.name, teams: [...s.teams] }));
  if (!children) return { services, people };
  const used = new Set([...DEMO_PERSONAS, ...people].map((p) => p.name));
  let n = 0;
  const nextName = () => {
    for (;;) {
      const name = `${MORE_FIRST[n % MORE_FIRST.length]} ${MORE_LAST[(n * 11 + Math.floor(n / MORE_FIRST.length)) % MORE_LAST.length]}`;
      n++;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  for (const holds of Object.keys(SHARES) as Holds[]) {
    const have = people.filter(
      (p) => p.roles.includes('practitioner') && !p.leftOn && holdsOf(p.team) === holds,
    ).length;
    const need = Math.round((SHARES[holds] * children) / AVERAGE_CASELOAD) - have;
    const service = services.find((s) => s.name === SERVICE_OF[holds])!;
    for (let t = 0; t * 8 < need; t++) {
      const team = TEAM_NAME[holds](t);
      service.teams.push(team);
      people.push({ name: nextName(), jobTitle: 'Team Manager', team, roles: ['team-manager'] });
      for (let i = 0; i < 8; i++)
        people.push({
          name: nextName(),
          jobTitle: i === 0 ? 'Advanced Practitioner' : 'Social Worker',
          team,
          roles: ['practitioner'],
          // About one in six is agency (domain.md: 17.6% in 2023).
          agency: (t * 8 + i) % 6 === 5 ? true : undefined,
        });
    }
  }
  return { services, people };
}
