import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createApp } from '../app.ts';
import { DEMO_PASSWORD, DEMO_PERSONAS, demoEmail, seedDemo } from '../demo/api.ts';
import { demoSeeds } from '../features.ts';
import type { Role } from '../platform/policy/roles.ts';
import { createTestDb, type TestDb, type TestSeed } from './test-db.ts';

export interface TestApp extends TestDb {
  app: FastifyInstance;
  drop(): Promise<void>;
}

/** The small demo authority, seeded once per run into a template that every test app's database copies. */
const SMALL_DEMO: TestSeed = {
  name: 'demo-small',
  seed: (db, clock, dataDir) => seedDemo(db, clock, demoSeeds(), { size: 'small', dataDir }),
};

/** The real app (every hook, the real database) on a fresh, demo-seeded database, driven in-process. */
export async function createTestApp(
  dialect: TestDb['dialect'],
  configChanges: Partial<TestDb['services']['config']> = {},
  postgresUrl?: string,
): Promise<TestApp> {
  const t = await createTestDb(dialect, undefined, SMALL_DEMO, postgresUrl);
  t.services.config = { ...t.services.config, ...configChanges };
  const app = await createApp(t.services);
  await app.ready();
  return {
    ...t,
    app,
    drop: async () => {
      await app.close();
      await t.drop();
    },
  };
}

export const personaFor = (role: Role) => {
  const p = DEMO_PERSONAS.find((x) => x.roles.includes(role));
  if (!p) throw new Error(`no demo persona for ${role}`);
  return { ...p, email: demoEmail(p.name) };
};

/** Cookies carried between requests, as a browser would. */
export class Browser {
  readonly app: FastifyInstance;
  cookies = new Map<string, string>();
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string) {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.header() } }));
  }

  async post(url: string, form: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      }),
    );
  }

  /** The form token on a page, as the browser would send it back. */
  async csrfFrom(url: string): Promise<string> {
    const res = await this.get(url);
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (!m) throw new Error(`no form token on ${url} (status ${res.statusCode})`);
    return m[1]!;
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    const _csrf = await this.csrfFrom('/sign-in');
    return this.post('/sign-in', { _csrf, email, password });
  }
}
