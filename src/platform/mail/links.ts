import { InvalidMailError } from './outbox.ts';

/**
 * A link a message can carry: mail is read outside the Hub, so every link is
 * absolute. A path ("/learning/sessions/1?x=y#z") is put after BASE_URL (its
 * own path too, for a Hub served under one: https://council.example/hub);
 * an http(s) URL is kept. Anything else — "learning/x", "//elsewhere",
 * "javascript:" — is refused, so a mistake shows in a test, not in an inbox.
 */
export function absoluteUrl(baseUrl: string, pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return new URL(pathOrUrl).href;
  if (!pathOrUrl.startsWith('/') || pathOrUrl.startsWith('//')) {
    throw new InvalidMailError(`Not a link a message can carry: ${JSON.stringify(pathOrUrl)}`);
  }
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new InvalidMailError(`BASE_URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new InvalidMailError(`BASE_URL is not an http(s) URL: ${JSON.stringify(baseUrl)}`);
  }
  return new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}${pathOrUrl}`).href;
}
