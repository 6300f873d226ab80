import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from './config.ts';

test('defaults: port 3000, ./data, SQLite inside it', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.dataDir, path.resolve('data'));
  assert.deepEqual(c.database, { kind: 'sqlite', file: path.resolve('data/hub.sqlite') });
});

test('PORT, DATA_DIR and DATABASE_URL are honoured', () => {
  const c = loadConfig({ PORT: '4100', DATA_DIR: '/tmp/hub-x', DATABASE_URL: 'postgres://u@h:5432/d' });
  assert.equal(c.port, 4100);
  assert.equal(c.dataDir, '/tmp/hub-x');
  assert.deepEqual(c.database, { kind: 'postgres', url: 'postgres://u@h:5432/d', preparedStatements: true });
  const behindAPooler = loadConfig({
    DATABASE_URL: 'postgres://u@h:5432/d',
    DATABASE_PREPARED_STATEMENTS: 'off',
  });
  assert.equal(
    behindAPooler.database.kind === 'postgres' && behindAPooler.database.preparedStatements,
    false,
  );
  assert.throws(
    () => loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d', DATABASE_PREPARED_STATEMENTS: 'no' }),
    /DATABASE_PREPARED_STATEMENTS/,
  );
});

test('production refuses to start without its secrets, and says which', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /Production needs SESSION_SECRET and BASE_URL/);
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }),
    /Production needs BASE_URL to be set/,
  );
  const ok = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(40),
    BASE_URL: 'https://hub.example.gov.uk',
  });
  assert.equal(ok.env, 'production');
});

test('bad values fail with the variable named', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL must be a postgres/);
  assert.throws(() => loadConfig({ SESSION_SECRET: 'short' }), /at least 32 characters/);
  assert.throws(() => loadConfig({ BRAND_COLOUR: 'blue' }), /BRAND_COLOUR/);
});

test('empty variables count as unset, so a copied .env.example works', () => {
  const c = loadConfig({ DATABASE_URL: '', SESSION_SECRET: '', SMTP_URL: '', LOG_LEVEL: '', PORT: '' });
  assert.equal(c.database.kind, 'sqlite');
  assert.equal(c.port, 3000);
  assert.equal(c.logLevel, 'warn');
});

test('single sign-on settings are checked at start-up', () => {
  const sso = {
    OIDC_ISSUER: 'https://login.microsoftonline.com/0000-tenant/v2.0',
    OIDC_CLIENT_ID: 'client',
    OIDC_CLIENT_SECRET: 'secret',
  };
  assert.equal(loadConfig({}).oidc, undefined, 'off unless set');
  const on = loadConfig({
    ...sso,
    OIDC_ROLE_MAP: 'Hub.Manager=team-manager, 4f1c-group=psw,4f1c-group=practitioner',
  }).oidc;
  assert.deepEqual(
    [...(on?.roleMap ?? [])],
    [
      ['Hub.Manager', ['team-manager']],
      ['4f1c-group', ['psw', 'practitioner']],
    ],
  );
  assert.throws(
    () => loadConfig({ OIDC_ISSUER: sso.OIDC_ISSUER }),
    /needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/,
  );
  assert.throws(
    () => loadConfig({ ...sso, OIDC_ISSUER: 'http://login.example.net/' }),
    /must be an https:\/\/ address/,
  );
  assert.doesNotThrow(
    () => loadConfig({ ...sso, OIDC_ISSUER: 'http://127.0.0.1:4000' }),
    'a loopback test provider',
  );
  assert.throws(() => loadConfig({ ...sso, OIDC_ROLE_MAP: 'Hub.Manager=boss' }), /OIDC_ROLE_MAP/);
  assert.throws(() => loadConfig({ ...sso, OIDC_ONLY: 'on' }), /OIDC_BREAK_GLASS_EMAIL/);
  assert.throws(() => loadConfig({ OIDC_ONLY: 'on' }), /needs single sign-on set up/);
  const { OIDC_CLIENT_SECRET: _secret, ...withoutSecret } = sso;
  assert.throws(
    () => loadConfig({ ...withoutSecret, OIDC_CLIENT_CERTIFICATE_FILE: '/nonexistent/hub.pem' }),
    /OIDC_CLIENT_CERTIFICATE_FILE: cannot read/,
  );
  assert.equal(
    loadConfig({ ...sso, OIDC_ONLY: 'on', OIDC_BREAK_GLASS_EMAIL: 'Admin@x.gov.uk' }).oidc?.breakGlassEmail,
    'admin@x.gov.uk',
  );
});
