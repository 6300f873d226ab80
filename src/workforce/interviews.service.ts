import { peopleLeaving, staffForExit } from '../people/api.ts';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { ForbiddenError } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import {
  findInterview,
  insertInterview,
  interviewForLeaving,
  interviewList,
  isDelegate,
  listItems,
  markReviewed,
  setThemes,
} from './interviews.repo.ts';

type Ctx = Pick<Services, 'db' | 'clock'>;

/**
 * Individual interviews are the PSW's and her delegates' only. The route's
 * action lets every member of staff reach this check (a delegate may hold any
 * role); here the person must be a PSW or on her list of delegates.
 */
export async function mayReadInterviews({ db }: Pick<Services, 'db'>, user: Principal): Promise<boolean> {
  return user.roles.includes('psw') || (await isDelegate(db, user.id));
}

async function mustReadInterviews(ctx: Pick<Services, 'db'>, user: Principal, id = '') {
  if (!(await mayReadInterviews(ctx, user)))
    throw new ForbiddenError('exit:interviews', 'exit-interview', id);
}

export interface InterviewAnswers {
  reasons: string[];
  mainReason?: string;
  ratings: {
    supervision?: number;
    caseload?: number;
    training?: number;
    practiceModel?: number;
    childrenAtHeart?: number;
  };
  startedOn?: string;
  destination: string;
  wouldHaveStayed: string;
  freeText: string;
  consentToQuote: boolean;
}

/** The leaver's staff record, checked: they must have a leaving date, and no interview yet for that leaving. */
export async function leaverToInterview(ctx: Ctx, staffId: string) {
  const staff = await staffForExit(ctx.db, staffId);
  if (!staff) throw new NotFoundError('staff');
  if (!staff.left_on)
    throw new UserInputError(
      `${staff.name} has no leaving date on their staff record, so there is no leaving to interview them about. Add the leaving date to their staff record first.`,
    );
  const existing = await interviewForLeaving(ctx.db, staff.id, staff.left_on);
  if (existing)
    throw new UserInputError(
      `An exit interview for ${staff.name}’s leaving on ${formatDate(staff.left_on)} has already been recorded: there is one interview for each leaving.`,
    );
  return { ...staff, left_on: staff.left_on };
}

/** The form for a new interview: the leaver and the reasons to choose from. */
export async function newInterviewForm(ctx: Ctx, user: Principal, staffId: string) {
  await mustReadInterviews(ctx, user);
  const leaver = await leaverToInterview(ctx, staffId);
  return { leaver, reasons: await listItems(ctx.db, 'wf_reasons', true) };
}

/**
 * Records an interview (by the PSW or a delegate, or by the leaver through a
 * self-service link: `source`), its reasons and its audit row, together.
 */
export async function recordInterview(
  ctx: Ctx,
  actor: Actor,
  staffId: string,
  a: InterviewAnswers,
  by:
    | { user: Principal }
    | { selfService: true; spend: (trx: DbOrTrx) => Promise<boolean>; unusable: string },
) {
  if ('user' in by) await mustReadInterviews(ctx, by.user);
  const leaver = await leaverToInterview(ctx, staffId);
  const active = new Set((await listItems(ctx.db, 'wf_reasons', true)).map((r) => r.id));
  const reasons = [...new Set([...a.reasons, ...(a.mainReason ? [a.mainReason] : [])])];
  if (reasons.some((r) => !active.has(r)))
    throw new UserInputError('Choose reasons from the list', 'reasons');
  if (reasons.length && !a.mainReason)
    throw new UserInputError('Choose which reason was the main one', 'mainReason');
  if (a.startedOn && a.startedOn > leaver.left_on)
    throw new UserInputError('The start date must be before the leaving date', 'startedOn');
  const at = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    // A self-service link is spent in the same transaction: used once, and not spent by answers refused above.
    if ('spend' in by && !(await by.spend(trx))) throw new UserInputError(by.unusable);
    await insertInterview(
      trx,
      {
        id,
        staff_id: leaver.id,
        leaving_on: leaver.left_on,
        job_title: leaver.job_title,
        team_id: leaver.team_id,
        team_name: leaver.team_name ?? '',
        service_id: leaver.service_id,
        service_name: leaver.service_name ?? '',
        is_agency: leaver.is_agency,
        started_on: a.startedOn || null,
        destination: a.destination,
        main_reason_id: a.mainReason ?? null,
        rating_supervision: a.ratings.supervision ?? null,
        rating_caseload: a.ratings.caseload ?? null,
        rating_training: a.ratings.training ?? null,
        rating_practice_model: a.ratings.practiceModel ?? null,
        rating_children_at_heart: a.ratings.childrenAtHeart ?? null,
        would_have_stayed: a.wouldHaveStayed,
        free_text: a.freeText,
        consent_to_quote: a.consentToQuote ? 1 : 0,
        quote: null,
        source: 'user' in by ? 'psw' : 'self',
        status: 'user' in by ? 'complete' : 'awaiting-review',
        recorded_by: 'user' in by ? by.user.id : null,
        created_at: at,
        updated_at: at,
        reduced_at: null,
      },
      reasons,
    );
    await recordAudit(trx, ctx.clock, actor, {
      action: 'create',
      recordType: 'exit-interview',
      recordId: id,
      summary:
        'user' in by
          ? `Recorded the exit interview of ${leaver.name}`
          : `${leaver.name} completed their exit questionnaire`,
    });
  });
  return { id, name: leaver.name };
}

/** One interview, for the PSW or a delegate (the page's view is audited by the guard). */
export async function interviewPage(ctx: Ctx, user: Principal, id: string) {
  await mustReadInterviews(ctx, user, id);
  const interview = await findInterview(ctx.db, id);
  if (!interview) throw new NotFoundError('exit-interview');
  return { interview, themes: await listItems(ctx.db, 'wf_themes', true) };
}

export async function interviewsOverview(ctx: Ctx, user: Principal) {
  if (!(await mayReadInterviews(ctx, user))) return null;
  const [interviews, leaving] = await Promise.all([interviewList(ctx.db), peopleLeaving(ctx.db)]);
  return { interviews, leaving };
}

/** Tags an interview's free text with themes, and keeps the anonymised quote (only with consent). */
export async function tagInterview(
  ctx: Ctx,
  user: Principal,
  actor: Actor,
  id: string,
  data: { themes: string[]; quote: string },
) {
  await mustReadInterviews(ctx, user, id);
  const interview = await findInterview(ctx.db, id);
  if (!interview) throw new NotFoundError('exit-interview');
  if (data.quote && interview.consent_to_quote !== 1)
    throw new UserInputError(
      `${interview.name} did not agree to be quoted, so no quote can be kept`,
      'quote',
    );
  const known = new Set((await listItems(ctx.db, 'wf_themes')).map((t) => t.id));
  if (data.themes.some((t) => !known.has(t)))
    throw new UserInputError('Choose themes from the list', 'themes');
  await ctx.db.transaction().execute(async (trx) => {
    await setThemes(trx, id, [...new Set(data.themes)], data.quote || null, ctx.clock.now().toISOString());
    await recordAudit(trx, ctx.clock, actor, {
      action: 'update',
      recordType: 'exit-interview',
      recordId: id,
      summary: `Tagged the exit interview of ${interview.name} with ${data.themes.length} theme(s)`,
    });
  });
  return interview.name;
}

/** A self-service questionnaire, reviewed by the PSW, joins the complete interviews. */
export async function reviewInterview(ctx: Ctx, user: Principal, actor: Actor, id: string) {
  await mustReadInterviews(ctx, user, id);
  const interview = await findInterview(ctx.db, id);
  if (!interview) throw new NotFoundError('exit-interview');
  if (interview.status === 'complete') throw new UserInputError('This interview has already been reviewed');
  await ctx.db.transaction().execute(async (trx) => {
    await markReviewed(trx, id, user.id, ctx.clock.now().toISOString());
    await recordAudit(trx, ctx.clock, actor, {
      action: 'update',
      recordType: 'exit-interview',
      recordId: id,
      summary: `Reviewed the exit questionnaire of ${interview.name}`,
    });
  });
  return interview.name;
}
