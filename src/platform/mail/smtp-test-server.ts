import net, { type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** What a test SMTP server received: the envelope and the raw message as sent. */
export interface Received {
  to: string[];
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback for tests: plain SMTP, no TLS, no login.
 * `port` 0 picks a free one. `refuse` names addresses it rejects with 550.
 */
export async function startSmtpServer(
  port = 0,
  options: { refuse?: string[] } = {},
): Promise<TestSmtpServer> {
  const received: Received[] = [];
  const refuse = new Set(options.refuse ?? []);
  const settings: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // Without this the server asks DNS who 127.0.0.1 is on every connection: a tenth of a second each here.
    disableReverseLookup: true,
    // Closing ends the connections still open (a pooled sender keeps one) after a moment, as a
    // server going down would, instead of waiting 30 s for them to finish.
    closeTimeout: 100,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) {
        const err = Object.assign(new Error('No such mailbox here'), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(settings);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with nothing listening on it (free a moment ago), for "the server is down". */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
