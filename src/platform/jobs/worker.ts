import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Transporter } from 'nodemailer';
import { createMailTransport, sendDueMail } from '../mail/sender.ts';
import type { Services } from '../services.ts';
import { runDueJobs } from './jobs.ts';

export interface Worker {
  id: string;
  /** Stops polling, lets the current round finish (untried claims are handed back), closes SMTP. */
  stop(): Promise<void>;
}

/** Unique per process start, so a restarted process never mistakes an old lease for its own. */
export const newWorkerId = (): string => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/**
 * Sends due mail and runs due jobs in the background, every `intervalMs`.
 * Every app instance may run one: claims keep them from doing the same work.
 * A round that made progress with no failures is followed at once by another,
 * so a bulk send drains quickly, while an SMTP outage is polled at the normal pace.
 */
export function startWorker(
  services: Services,
  options: { intervalMs?: number; transport?: Transporter | null } = {},
): Worker {
  const { log } = services;
  const id = newWorkerId();
  const intervalMs = options.intervalMs ?? 1000;
  const ownTransport = options.transport === undefined;
  const transport = ownTransport ? createMailTransport(services.config.smtpUrl) : (options.transport ?? null);
  if (!transport) log.warn('SMTP_URL is not set: email is kept in the outbox and not sent');

  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;

  // Each part is caught on its own, so a database hiccup or a bad handler never ends the loop.
  const round = async (): Promise<boolean> => {
    let again = false;
    try {
      const m = await sendDueMail(services, transport, id, { signal: abort.signal });
      again = m.sent > 0 && m.retrying + m.failed + m.released === 0;
    } catch (err) {
      log.error({ err }, 'outbox sender failed');
    }
    try {
      const j = await runDueJobs(services, id, { signal: abort.signal });
      again ||= j.done > 0 && j.retrying + j.failed + j.released === 0;
    } catch (err) {
      log.error({ err }, 'job runner failed');
    }
    return again;
  };

  const schedule = (ms: number) => {
    if (abort.signal.aborted) return;
    timer = setTimeout(tick, ms);
    // The worker alone never keeps the process alive.
    timer.unref();
  };
  const tick = () => {
    current = round()
      .catch(() => false)
      .then((again) => {
        current = undefined;
        schedule(again ? 0 : intervalMs);
      });
  };

  schedule(0);
  log.info({ workerId: id }, 'background worker started');
  return {
    id,
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await current;
      if (ownTransport) transport?.close();
    },
  };
}
