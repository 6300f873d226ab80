import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * Signed-in forms carry the session's own random token (synchroniser pattern).
 * Before sign-in there is no session, so the sign-in form carries an HMAC of
 * a random pre-session cookie instead; a forged cross-site post has neither.
 */
export const anonymousToken = (secret: string, preCookie: string) =>
  createHmac('sha256', secret).update(`csrf:${preCookie}`).digest('base64url');

export function presentedToken(req: FastifyRequest): string | undefined {
  const body = req.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body === 'object' ? body._csrf : undefined;
  const fromQuery = (req.query as Record<string, unknown> | undefined)?._csrf;
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
