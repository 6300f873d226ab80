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
