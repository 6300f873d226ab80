import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { isRole, type Role } from './platform/policy/roles.ts';

/** Everything the Hub reads from its environment, validated once at start-up. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL (leave it unset for SQLite)')
    .optional(),
  // Off behind a pooler in transaction mode that does not keep named statements (PgBouncer before 1.21).
  DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  BASE_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Practice & Learning Hub <hub@localhost>'),
  ORG_NAME: z.string().default('Calderbrook Council'),
  SERVICE_NAME: z.string().default('Practice & Learning Hub'),
  BRAND_COLOUR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'BRAND_COLOUR must be a hex colour such as #1d70b8')
    .default('#005a70'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  WORKER: z.enum(['on', 'off']).default('on'),
  // Which X-Forwarded-For to believe: unset (none: the Hub is reached directly), a number of proxy hops,
  // or the load balancers' addresses (comma-separated IPs or CIDR ranges).
  TRUST_PROXY: z
    .string()
    .trim()
    .refine(
      (v) => /^\d{1,2}$/.test(v) || v.split(',').every((a) => isIpOrRange(a.trim())),
      "TRUST_PROXY must be a number of proxy hops (for example 1) or the proxies' addresses, comma-separated (for example 10.0.0.5,10.0.1.0/24)",
    )
    .optional(),
  // Single sign-on with the council's directory (Microsoft Entra ID or any OpenID provider).
  OIDC_ISSUER: z
    .url('OIDC_ISSUER must be the issuer URL, e.g. https://login.microsoftonline.com/<tenant id>/v2.0')
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  // A PEM file holding the private key and the certificate uploaded to Entra: the Hub then proves who it
  // is with a signed assertion (private_key_jwt) instead of the secret.
  OIDC_CLIENT_CERTIFICATE_FILE: z.string().optional(),
  // "directory value=hub role", comma-separated: app role values or group object ids.
  OIDC_ROLE_MAP: z
    .string()
    .refine(
      (v) => parseRoleMap(v) !== undefined,
      'OIDC_ROLE_MAP must be pairs such as Hub.Practitioner=practitioner,4f1c…=team-manager, each Hub role one of: practitioner, team-manager, service-manager, psw, ld-admin, complaints-officer, system-admin',
    )
    .optional(),
  OIDC_CREATE_ACCOUNTS: z.enum(['on', 'off']).default('off'),
  OIDC_ONLY: z.enum(['on', 'off']).default('off'),
  OIDC_BREAK_GLASS_EMAIL: z.email('OIDC_BREAK_GLASS_EMAIL must be an email address').optional(),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  dataDir: string;
  database:
    | { kind: 'sqlite'; file: string }
    | { kind: 'postgres'; url: string; preparedStatements?: boolean };
  sessionSecret: string;
  baseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  orgName: string;
  serviceName: string;
  brandColour: string;
  logLevel: string;
  sessionIdleMinutes: number;
  runWorker: boolean;
  /** Fastify's trustProxy: false, a test of each hop (for a hop count), or the proxies' addresses. */
  trustProxy: false | string[] | ((address: string, hop: number) => boolean);
  /** Single sign-on, when OIDC_ISSUER is set. */
  oidc: OidcConfig | undefined;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** The client secret, unless a certificate is used. */
  clientSecret: string | undefined;
  /** The certificate credential: its private key (PEM) and the SHA-256 thumbprint Entra knows it by. */
  clientCertificate?: { privateKeyPem: string; thumbprint: string };
  /** Directory value (app role or group id) → the Hub roles it gives; undefined: roles are kept in the Hub. */
  roleMap: Map<string, Role[]> | undefined;
  /** Whether a first sign-in by someone with no staff record makes one (a practitioner in no team). */
  createAccounts: boolean;
  /** Whether passwords are refused, except for the break-glass account. */
  passwordsOff: boolean;
  /** The one system admin who may still sign in with a password when `passwordsOff` is on. */
  breakGlassEmail: string | undefined;
}

/** "value=role,value=role" → a map, or undefined if any pair is not well formed or names no Hub role. */
export function parseRoleMap(value: string): Map<string, Role[]> | undefined {
  const map = new Map<string, Role[]>();
  for (const pair of value.split(',')) {
    const at = pair.lastIndexOf('=');
    const key = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim();
    if (at < 1 || !key || !isRole(role)) return undefined;
    map.set(key, [...new Set([...(map.get(key) ?? []), role])]);
  }
  return map;
}

function oidcFrom(e: z.infer<typeof envSchema>): OidcConfig | undefined {
  const given = (
    ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_CLIENT_CERTIFICATE_FILE'] as const
  ).filter((k) => e[k]);
  if (!given.length) {
    if (e.OIDC_ONLY === 'on')
      throw new ConfigError('OIDC_ONLY=on needs single sign-on set up (OIDC_ISSUER and the rest).');
    return undefined;
  }
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !(e.OIDC_CLIENT_SECRET || e.OIDC_CLIENT_CERTIFICATE_FILE))
    throw new ConfigError(
      'Single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or OIDC_CLIENT_CERTIFICATE_FILE).',
    );
  if (e.OIDC_ONLY === 'on' && !e.OIDC_BREAK_GLASS_EMAIL)
    throw new ConfigError(
      'OIDC_ONLY=on needs OIDC_BREAK_GLASS_EMAIL: one system admin who can still sign in if the directory is down.',
    );
  const issuer = new URL(e.OIDC_ISSUER!);
  // Only a loopback test provider may be reached without TLS (see oidc.client.ts).
  if (issuer.protocol !== 'https:' && !isLoopbackHost(issuer.hostname))
    throw new ConfigError('OIDC_ISSUER must be an https:// address.');
  return {
    issuer: e.OIDC_ISSUER!,
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET,
    ...(e.OIDC_CLIENT_CERTIFICATE_FILE
      ? { clientCertificate: certificateFrom(e.OIDC_CLIENT_CERTIFICATE_FILE) }
      : {}),
    roleMap: e.OIDC_ROLE_MAP ? parseRoleMap(e.OIDC_ROLE_MAP) : undefined,
    createAccounts: e.OIDC_CREATE_ACCOUNTS === 'on',
    passwordsOff: e.OIDC_ONLY === 'on',
    breakGlassEmail: e.OIDC_BREAK_GLASS_EMAIL?.toLowerCase(),
  };
}

/** Reads the certificate credential at start-up, so a missing or wrong file stops the Hub at once. */
export function certificateFrom(file: string): { privateKeyPem: string; thumbprint: string } {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`OIDC_CLIENT_CERTIFICATE_FILE: cannot read ${file}`);
  }
  try {
    const key = createPrivateKey(pem);
    const cert = new X509Certificate(pem);
    if (!cert.checkPrivateKey(key)) throw new Error('mismatch');
    return {
      privateKeyPem: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
      thumbprint: createHash('sha256').update(cert.raw).digest('base64url'),
    };
  } catch {
    throw new ConfigError(
      'OIDC_CLIENT_CERTIFICATE_FILE must hold a private key and the certificate made from it (PEM).',
    );
  }
}

/** 127.0.0.0/8, ::1 and localhost: addresses that never leave the machine. */
export const isLoopbackHost = (hostname: string): boolean =>
  hostname === 'localhost' ||
  hostname === '[::1]' ||
  hostname === '::1' ||
  /^127\.\d+\.\d+\.\d+$/.test(hostname);

function isIpOrRange(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || !address || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

function trustProxyFrom(value: string | undefined): Config['trustProxy'] {
  if (!value) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops > 0 ? (_address, hop) => hop < hops : false;
  }
  return value.split(',').map((a) => a.trim());
}

export class ConfigError extends Error {}

/**
 * Turns the environment into a typed config. In production a missing secret or
 * address stops the Hub at once, because a default there would be a security hole.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (as in a copied .env.example) means "not set".
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    const missing = (['SESSION_SECRET', 'BASE_URL'] as const).filter((k) => !e[k]);
    if (missing.length) throw new ConfigError(`Production needs ${missing.join(' and ')} to be set.`);
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, preparedStatements: e.DATABASE_PREPARED_STATEMENTS === 'on' }
      : { kind: 'sqlite', file: path.join(dataDir, 'hub.sqlite') },
    // Outside production an unset secret gets a fixed development value, so
    // sessions survive a restart of `npm start`.
    sessionSecret: e.SESSION_SECRET ?? 'development-only-secret-do-not-use-in-production',
    baseUrl: e.BASE_URL ?? `http://localhost:${e.PORT}`,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    orgName: e.ORG_NAME,
    serviceName: e.SERVICE_NAME,
    brandColour: e.BRAND_COLOUR,
    // Production logs every request for the operators; a developer's console stays readable.
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'production' ? 'info' : 'warn'),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    runWorker: e.WORKER === 'on',
    trustProxy: trustProxyFrom(e.TRUST_PROXY),
    oidc: oidcFrom(e),
  };
}
