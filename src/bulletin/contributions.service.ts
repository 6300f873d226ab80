import type { Config } from '../config.ts';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { composeMessage, mailLayout } from '../platform/mail/message.ts';
import { enqueueMail } from '../platform/mail/outbox.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { contributionMail } from './contributions.presenter.ts';
import { findContribution, insertContribution, updateContribution } from './contributions.repo.ts';
import { editionTitle } from './editions.rules.ts';
import { addArticle, assertEditor, type Ctx, editionOrThrow } from './editions.service.ts';

type MailCtx = Ctx & { config: Config };

const tell = async (trx: DbOrTrx, c: MailCtx, ...args: Parameters<typeof contributionMail>) =>
  enqueueMail(trx, c.clock, await composeMessage(contributionMail(...args), mailLayout(c.config)));

/** Anyone sends an article or an idea; they are told it arrived. */
export async function submitContribution(
  c: MailCtx,
  actor: Actor,
  user: Principal,
  input: { title: string; body: string },
) {
  return c.db.transaction().execute(async (trx) => {
    const id = newId();
    const now = c.clock.now().toISOString();
    await insertContribution(trx, {
      id,
      staff_id: user.id,
      title: input.title,
      body: input.body,
      state: 'submitted',
      editor_note: null,
      article_id: null,
      image_id: null,
      image_alt: null,
      image_caption: null,
      created_at: now,
      updated_at: now,
    });
    await tell(trx, c, user.email, input.title, 'submitted', '');
    await recordAudit(trx, c.clock, actor, {
      action: 'create',
      recordType: 'bulletin-contribution',
      recordId: id,
      summary: `Sent “${input.title}” to the bulletin`,
    });
    return id;
  });
}

export type Decision =
  | { kind: 'accept'; editionId: string }
  | { kind: 'changes-asked'; note: string }
  | { kind: 'declined'; note: string };

/**
 * The editor's decision: accepting makes it a draft article of the chosen
 * edition, credited to its author; asking for changes or declining needs a
 * reason. The contributor is told in each case.
 */
export async function decideContribution(c: MailCtx, actor: Actor, user: Principal, id: string, d: Decision) {
  return c.db.transaction().execute(async (trx) => {
    await assertEditor(trx, user);
    const item = await findContribution(trx, id);
    if (!item) throw new NotFoundError('contribution');
    if (item.state === 'accepted' || item.state === 'declined')
      throw new UserInputError('A decision has already been made on this contribution', 'decision');
    const now = c.clock.now().toISOString();
    if (d.kind === 'accept') {
      const e = await editionOrThrow(trx, d.editionId);
      if (e.status === 'published')
        throw new UserInputError('Choose an edition that has not been published', 'edition');
      const articleId = await addArticle(trx, c.clock, e.id, {
        kind: 'article',
        title: item.title,
        body: item.body,
        mustRead: false,
        credit: item.author,
        image: item.image_id
          ? { id: item.image_id, alt: item.image_alt ?? '', caption: item.image_caption }
          : null,
      });
      await updateContribution(trx, id, {
        state: 'accepted',
        article_id: articleId,
        editor_note: null,
        updated_at: now,
      });
      await tell(trx, c, item.author_email, item.title, 'accepted', editionTitle(e.month));
    } else {
      if (!d.note.trim()) throw new UserInputError('Say why, so the contributor knows what to do', 'note');
      await updateContribution(trx, id, { state: d.kind, editor_note: d.note.trim(), updated_at: now });
      await tell(trx, c, item.author_email, item.title, d.kind, d.note.trim());
    }
    await recordAudit(trx, c.clock, actor, {
      action: 'update',
      recordType: 'bulletin-contribution',
      recordId: id,
      summary: `${d.kind === 'accept' ? 'Accepted' : d.kind === 'declined' ? 'Declined' : 'Asked for changes to'} “${item.title}”`,
    });
  });
}

/** The contributor sends a changed version after changes were asked for. */
export async function resubmit(
  c: MailCtx,
  actor: Actor,
  user: Principal,
  id: string,
  input: { title: string; body: string },
) {
  return c.db.transaction().execute(async (trx) => {
    const item = await findContribution(trx, id);
    if (!item || item.staff_id !== user.id) throw new NotFoundError('contribution');
    if (item.state !== 'changes-asked')
      throw new UserInputError('Only a contribution with changes asked for can be sent again');
    await updateContribution(trx, id, {
      ...input,
      state: 'submitted',
      updated_at: c.clock.now().toISOString(),
    });
    await tell(trx, c, user.email, input.title, 'submitted', '');
    await recordAudit(trx, c.clock, actor, {
      action: 'update',
      recordType: 'bulletin-contribution',
      recordId: id,
      summary: `Sent a changed “${input.title}” to the bulletin`,
    });
  });
}
