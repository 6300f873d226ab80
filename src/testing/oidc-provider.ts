import { createPrivateKey, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID provider (oidc-provider) on loopback, standing in for the
 * council's Entra tenant: one registered client (the Hub), a directory of
 * people with Entra-like claims (an `oid`, `upn`, app `roles` and `groups`),
 * and its own sign-in page that checks their passwords. A person marked
 * `blocked` is refused at the provider, as Entra refuses a disabled account.
 *
 * `rewriteIdToken`, when set, replaces the ID token in the next token
 * response: the tests use it to hand the Hub tokens a real provider would
 * never send (wrong nonce, wrong issuer, expired, a broken signature).
 */
export interface DirectoryPerson {
  login: string;
  password: string;
  blocked?: boolean;
  claims: { oid: string; email: string; name: string; upn?: string; roles?: string[]; groups?: string[] };
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  people: DirectoryPerson[];
  /** The provider's own signing key, to sign a changed token as the provider would. */
  signingKey: KeyObject;
  signingKid: string;
  rewriteIdToken: ((idToken: string) => string) | undefined;
  close(): Promise<void>;
}

export async function startTestProvider(opts: {
  redirectUri: string;
  postLogoutRedirectUri: string;
  people: DirectoryPerson[];
  /** The public key of the Hub's certificate: the client then proves itself with private_key_jwt, not the secret. */
  clientPublicJwk?: Record<string, unknown>;
}): Promise<TestProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKid = 'test-provider-key';
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: signingKid, use: 'sig', alg: 'RS256' };
  const clientId = 'practice-hub';
  const clientSecret = randomBytes(24).toString('base64url');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const state: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    people: opts.people,
    signingKey: createPrivateKey({ key: jwk as never, format: 'jwk' }),
    signingKid,
    rewriteIdToken: undefined,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const personBy = (login: string) => state.people.find((p) => p.login === login);

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        post_logout_redirect_uris: [opts.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        ...(opts.clientPublicJwk
          ? { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [opts.clientPublicJwk as never] } }
          : { token_endpoint_auth_method: 'client_secret_post' }),
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // Lifetimes of the provider's own records, in seconds (set, so it does not warn about its defaults).
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
    },
    // Claims Entra puts in its ID tokens, given with the openid scope.
    claims: {
      openid: ['sub', 'oid', 'upn', 'roles', 'groups'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // Entra's ID token carries the person's claims itself (not only the userinfo endpoint).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    // The Hub is a first-party app the tenant's admin has consented to: nobody is asked again.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grant = new ctx.oidc.provider.Grant({
        accountId: ctx.oidc.session!.accountId!,
        clientId: ctx.oidc.client!.clientId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx: KoaContextWithOIDC, sub: string) => {
      const person = state.people.find((p) => p.claims.oid === sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, ...person.claims, email_verified: true }),
      };
    },
  });

  // Hands the Hub the ID token the test wants instead of the one the provider made.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && body?.id_token && state.rewriteIdToken) {
      ctx.body = { ...body, id_token: state.rewriteIdToken(body.id_token) };
    }
  });

  const providerHandler = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) void interaction(req, res).catch((err) => fail(res, err));
    else providerHandler(req, res);
  });

  /** The provider's own sign-in page: a name and password, checked against its directory. */
  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(loginPage(details.uid, ''));
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const person = personBy(form.get('username') ?? '');
    if (!person || person.password !== form.get('password')) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.statusCode = 401;
      res.end(loginPage(details.uid, 'That username or password is not right.'));
      return;
    }
    if (person.blocked) {
      await provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'The account is disabled',
      });
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: person.claims.oid } });
  }

  return state;
}

function fail(res: ServerResponse, err: unknown) {
  res.statusCode = 500;
  res.end(String(err));
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });

const loginPage = (uid: string, error: string) => `<!doctype html>
<html lang="en"><head><title>Sign in to your account - Test directory</title></head>
<body><main><h1>Sign in to your account</h1>
${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}">
<label for="username">Username</label> <input id="username" name="username" autocomplete="username">
<label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Sign in</button>
</form></main></body></html>`;

/** A JWT signed RS256 with the given key (the provider's, to change a token as it would; another, to forge one). */
export function signIdToken(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export const idTokenClaims = (idToken: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString());
