import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * Signed-in forms carry the session's own random token (synchroniser pattern).
 * Before sign-in there is no session, so the sign-in form carries an HMAC of
 * a random pre-session cookie instead; a forged cross-site post has neither.
 */
export const anonymousToken = (secret: string, preCookie: string) =>
  createHmac('sha256', secret).update(`csrf:${preCookie}`).digest('base64url');

/** The `_csrf` field of a parsed form or query string, if it has one. */
const tokenIn = (values: unknown): unknown =>
  values && typeof values === 'object' && '_csrf' in values ? values._csrf : undefined;

export function presentedToken(req: FastifyRequest): string | undefined {
  const fromBody = tokenIn(req.body);
  const fromQuery = tokenIn(req.query);
  const fromHeader = req.headers['x-csrf-token'];
  const value = fromBody ?? fromHeader ?? fromQuery;
  return typeof value === 'string' ? value : undefined;
}

export function tokensMatch(expected: string, presented: string | undefined): boolean {
  if (!presented || !expected) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
