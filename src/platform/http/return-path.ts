/** Only same-site paths may be redirected to after sign-in (or linked back to): anything else is the home page. */
export const safeReturnPath = (value: unknown): string =>
  typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
