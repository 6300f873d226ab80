import { createHash, createPrivateKey } from 'node:crypto';
import * as oidc from 'openid-client';
import { isLoopbackHost, type OidcConfig } from '../../config.ts';

/**
 * The Hub's side of OpenID Connect, through openid-client: discovery of the
 * provider, the authorisation URL (code flow with PKCE, state and nonce) and
 * the code exchange, whose ID token openid-client checks: issuer, audience,
 * expiry, nonce and, because non-repudiation checks are on, its signature
 * against the provider's published keys.
 */

const SCOPE = 'openid profile email';

let discovered: { key: string; config: Promise<oidc.Configuration> } | undefined;

/** The provider's configuration, discovered once per process (again after a failure, so a restart is not needed). */
export function providerConfig(settings: OidcConfig): Promise<oidc.Configuration> {
  // A change of provider, client or credential (a test's, or a rotated certificate) is a new configuration.
  const credential =
    settings.clientCertificate?.thumbprint ??
    createHash('sha256')
      .update(settings.clientSecret ?? '')
      .digest('hex');
  const key = `${settings.issuer} ${settings.clientId} ${credential}`;
  if (discovered?.key !== key) {
    const issuer = new URL(settings.issuer);
    const execute = [oidc.enableNonRepudiationChecks];
    // openid-client refuses http:// addresses. A provider on this very machine (the tests' own, or a
    // developer's) has no certificate to offer and no network to be tampered on, so only there is
    // plain HTTP allowed; config.ts refuses any other http:// issuer at start-up.
    if (issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname))
      execute.push(oidc.allowInsecureRequests);
    const config = oidc.discovery(issuer, settings.clientId, undefined, clientAuthentication(settings), {
      execute,
      timeout: 10,
    });
    discovered = { key, config };
    config.catch(() => {
      if (discovered?.config === config) discovered = undefined;
    });
  }
  return discovered.config;
}

/**
 * With a certificate, the Hub signs a short assertion (private_key_jwt) instead of sending a secret.
 * Entra finds the certificate by its SHA-256 thumbprint in the assertion's `x5t#S256` header.
 */
function clientAuthentication(settings: OidcConfig): oidc.ClientAuth {
  const certificate = settings.clientCertificate;
  if (!certificate) return oidc.ClientSecretPost(settings.clientSecret);
  const key = createPrivateKey(certificate.privateKeyPem).toCryptoKey(
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  ) as CryptoKey;
  return oidc.PrivateKeyJwt(
    { key, kid: certificate.thumbprint },
    {
      [oidc.modifyAssertion]: (header) => {
        header['x5t#S256'] = certificate.thumbprint;
      },
    },
  );
}

export interface FlowSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export const newFlowSecrets = (): FlowSecrets => ({
  state: oidc.randomState(),
  nonce: oidc.randomNonce(),
  codeVerifier: oidc.randomPKCECodeVerifier(),
});

export async function authorizationUrl(
  config: oidc.Configuration,
  redirectUri: string,
  secrets: FlowSecrets,
) {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
    code_challenge_method: 'S256',
    state: secrets.state,
    nonce: secrets.nonce,
  });
}

export type CodeOutcome =
  | { ok: true; claims: Record<string, unknown>; idToken: string }
  | { ok: false; reason: 'refused-by-provider' | 'failed'; detail: string };

/**
 * Trades the code for tokens. `callbackUrl` is the address the provider sent
 * the browser back to: openid-client checks its state and issuer parameters,
 * sends the PKCE verifier and checks the ID token it gets.
 */
export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  secrets: FlowSecrets,
): Promise<CodeOutcome> {
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: secrets.codeVerifier,
      expectedState: secrets.state,
      expectedNonce: secrets.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) return { ok: false, reason: 'failed', detail: 'no ID token' };
    return { ok: true, claims: { ...claims }, idToken: tokens.id_token };
  } catch (err) {
    // The provider said no at its end (the person is blocked, not assigned to the app, or cancelled).
    if (err instanceof oidc.AuthorizationResponseError)
      return {
        ok: false,
        reason: 'refused-by-provider',
        detail: `${err.error}: ${err.error_description ?? ''}`,
      };
    return { ok: false, reason: 'failed', detail: whatFailed(err) };
  }
}

/**
 * What went wrong, for the audit log: openid-client wraps oauth4webapi's error,
 * whose code and cause name the check that failed (the claim, the signature,
 * the provider's error such as invalid_grant).
 */
function whatFailed(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e && depth < 3; depth++) {
    if (e instanceof Error) {
      const { code, error } = e as { code?: unknown; error?: unknown };
      parts.push([e.message, code, error].filter((x) => typeof x === 'string' && x).join(' '));
      e = e.cause;
    } else if (typeof e === 'object') {
      const { claim, error } = e as { claim?: unknown; error?: unknown };
      if (typeof claim === 'string') parts.push(`claim ${claim}`);
      if (typeof error === 'string') parts.push(error);
      break;
    } else break;
  }
  return parts.join('; ');
}

/** Where to send the browser to sign out at the provider too, if it offers that. */
export function endSessionUrl(
  config: oidc.Configuration,
  idToken: string,
  afterUrl: string,
): URL | undefined {
  if (!config.serverMetadata().end_session_endpoint) return undefined;
  return oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: afterUrl });
}
