import { londonDay } from '../platform/calendar/days.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { codedAnswers, listItems, quotesFor, readSettings } from './interviews.repo.ts';
import { mayReadInterviews } from './interviews.service.ts';
import { breakdowns, quarterOf, quartersBetween } from './themes.rules.ts';

/** The last eight quarters up to today's: two years of trends. */
export function periodEnding(today: string) {
  const last = quarterOf(today);
  const y = Number(last.slice(0, 4)) - 2;
  const q = Number(last.slice(6)) + 1;
  const first = q > 4 ? `${y + 1}-Q1` : `${y}-Q${q}`;
  const quarters = quartersBetween(first, last);
  const fromMonth = String((Number(first.slice(6)) - 1) * 3 + 1).padStart(2, '0');
  return { quarters, from: `${first.slice(0, 4)}-${fromMonth}-01`, to: today };
}

/**
 * Themes and trends over two years, every figure suppressed together. Quotes
 * (consented, anonymised by the PSW) are for the PSW and her delegates only;
 * managers see the suppressed figures alone.
 */
export async function themesReport(ctx: Pick<Services, 'db' | 'clock'>, user: Principal) {
  const period = periodEnding(londonDay(ctx.clock.now()));
  const [settings, themes, reasons, rows, psw] = await Promise.all([
    readSettings(ctx.db),
    listItems(ctx.db, 'wf_themes'),
    listItems(ctx.db, 'wf_reasons'),
    codedAnswers(ctx.db, period.from, period.to),
    mayReadInterviews(ctx, user),
  ]);
  const b = breakdowns(
    rows,
    themes.map((t) => t.id),
    reasons.map((r) => r.id),
    period.quarters,
    settings.min_group,
  );
  const quotes = new Map<string, string[]>();
  if (psw)
    for (const t of themes) {
      const q = await quotesFor(ctx.db, t.id);
      if (q.length) quotes.set(t.id, q.map((x) => x.quote ?? '').filter(Boolean));
    }
  return { b, themes, reasons, min: settings.min_group, quotes, psw };
}
export type ThemesReport = Awaited<ReturnType<typeof themesReport>>;
