/**
 * The shared facts of the demo authority (Calderbrook), for every feature's demo
 * seed and tests: its services and teams, its people (one persona per role and
 * the front-line workforce), their email addresses and the one demo password;
 * and the seeder that adds those people before each feature's own demo data.
 * Features' seeds import these from here, never from the files behind it.
 */
export { DEMO_PERSONAS, DEMO_SERVICES, type DemoPerson, demoWorkforce } from './people.ts';
export { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, demoEmail, demoSignInHelp, isEmpty, seedDemo } from './seed.ts';
