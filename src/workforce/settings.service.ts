import { staffByEmail } from '../people/api.ts';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import {
  addDelegate,
  addListItem,
  delegates,
  findListItemByLabel,
  type ListName,
  listItems,
  readSettings,
  removeDelegate,
  saveSettings,
  setListItemActive,
} from './interviews.repo.ts';

type Ctx = Pick<Services, 'db' | 'clock'>;

export async function settingsPage({ db }: Ctx) {
  const [settings, reasons, themes, people] = await Promise.all([
    readSettings(db),
    listItems(db, 'wf_reasons'),
    listItems(db, 'wf_themes'),
    delegates(db),
  ]);
  return { settings, reasons, themes, people };
}

export async function changeSettings(
  ctx: Ctx,
  actor: Actor,
  s: { minGroup: number; retentionMonths: number; linkDays: number },
) {
  await ctx.db.transaction().execute(async (trx) => {
    await saveSettings(
      trx,
      { min_group: s.minGroup, retention_months: s.retentionMonths, link_days: s.linkDays },
      ctx.clock.now().toISOString(),
    );
    await recordAudit(trx, ctx.clock, actor, {
      action: 'update',
      recordType: 'exit-settings',
      summary: `Exit interview settings: smallest group ${s.minGroup}, kept ${s.retentionMonths} months, links ${s.linkDays} days`,
    });
  });
}

const LIST_NAMES: Record<ListName, string> = { wf_reasons: 'reason', wf_themes: 'theme' };

export async function addToList(ctx: Ctx, actor: Actor, list: ListName, label: string) {
  if (await findListItemByLabel(ctx.db, list, label))
    throw new UserInputError(`There is already a ${LIST_NAMES[list]} called “${label}”`, 'label');
  await ctx.db.transaction().execute(async (trx) => {
    const id = newId();
    await addListItem(trx, list, { id, label, at: ctx.clock.now().toISOString() });
    await recordAudit(trx, ctx.clock, actor, {
      action: 'create',
      recordType: `exit-${LIST_NAMES[list]}`,
      recordId: id,
      summary: `Added the ${LIST_NAMES[list]} “${label}”`,
    });
  });
}

/** A reason or theme is retired, never deleted: past interviews keep it. */
export async function retireFromList(ctx: Ctx, actor: Actor, list: ListName, id: string, active: boolean) {
  await ctx.db.transaction().execute(async (trx) => {
    await setListItemActive(trx, list, id, active);
    await recordAudit(trx, ctx.clock, actor, {
      action: 'update',
      recordType: `exit-${LIST_NAMES[list]}`,
      recordId: id,
      summary: active ? `Brought back a ${LIST_NAMES[list]}` : `Retired a ${LIST_NAMES[list]}`,
    });
  });
}

export async function delegateTo(ctx: Ctx, user: Principal, actor: Actor, email: string) {
  const person = await staffByEmail(ctx.db, email);
  if (person?.active !== 1)
    throw new UserInputError('There is no current member of staff with that email address', 'email');
  await ctx.db.transaction().execute(async (trx) => {
    await addDelegate(trx, person.id, user.id, ctx.clock.now().toISOString());
    await recordAudit(trx, ctx.clock, actor, {
      action: 'update',
      recordType: 'staff',
      recordId: person.id,
      summary: `Made ${person.name} a delegate for exit interviews`,
    });
  });
  return person.name;
}

export async function undelegate(ctx: Ctx, actor: Actor, staffId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    await removeDelegate(trx, staffId);
    await recordAudit(trx, ctx.clock, actor, {
      action: 'update',
      recordType: 'staff',
      recordId: staffId,
      summary: 'Removed a delegate for exit interviews',
    });
  });
}
