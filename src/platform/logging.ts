import pino from 'pino';

/** Secrets that travel in a URL (one-time password links) are never written to the log. */
export const redactUrl = (url: string): string =>
  url
    .replace(/\/set-password\/[^/?#]+/g, '/set-password/[redacted]')
    // Upload forms carry the form token in the query string (their body is read by the handler).
    .replace(/([?&]_csrf=)[^&#]*/g, '$1[redacted]');

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      serializers: {
        req: (req: { method?: string; url?: string; hostname?: string; ip?: string }) => ({
          method: req.method,
          url: typeof req.url === 'string' ? redactUrl(req.url) : undefined,
          host: req.hostname,
          remoteAddress: req.ip,
        }),
      },
    },
    destination ?? pino.destination(1),
  );
}
