/** The roles a person can hold; a person may hold several. */
export const ROLES = [
  'practitioner',
  'team-manager',
  'service-manager',
  'psw',
  'ld-admin',
  'complaints-officer',
  'system-admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  practitioner: 'Practitioner',
  'team-manager': 'Team manager',
  'service-manager': 'Service manager',
  psw: 'Principal Social Worker',
  'ld-admin': 'Learning and development admin',
  'complaints-officer': 'Complaints officer',
  'system-admin': 'System admin',
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The signed-in person, as the policy sees them. */
export interface Principal {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  teamId: string | null;
  serviceId: string | null;
}
