import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { formErrors, keptForm, redirectWithForm, redirectWithSuccess } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import {
  isSettingId,
  reasonField,
  SETTING_FIELDS,
  type SettingId,
  settingsForm,
  settingsFromForm,
  settingTitle,
} from './rules/setting-fields.rules.ts';
import { RULE_DESCRIPTIONS } from './rules/settings.rules.ts';
import { changePageGroups, resetPageView } from './settings.presenter.ts';
import { loadRuleSettings } from './settings.repo.ts';
import { changeSettings, resetSetting, settingChanges } from './settings.service.ts';

export const RULES_PAGE = '/performance/how-we-work-it-out';
export const CHANGE_PAGE = `${RULES_PAGE}/change`;
const resetPage = (id: string) => `${CHANGE_PAGE}/${id}/default`;
const rules = { permission: 'performance:rules:manage', audit: false } as const;

const typed = z.record(z.string(), z.unknown()).catch({});
/** What the person typed, kept as text so the form shows it back exactly. */
const asTyped = (body: unknown, names: string[]) => {
  const b = typed.parse(body ?? {});
  return Object.fromEntries(names.map((n) => [n, typeof b[n] === 'string' ? b[n] : '']));
};
const FIELD_NAMES = [...SETTING_FIELDS.map((f) => f.name), 'reason'];

const settingParam = (params: unknown): SettingId | null => {
  const rule = (params as { rule?: string }).rule ?? '';
  return isSettingId(rule) ? rule : null;
};

/** Changing the authority's timescales: the page, and going back to a default. */
export function ruleSettingsRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  get(app, CHANGE_PAGE, rules, async (req, reply) => {
    const kept = keptForm(req);
    const [settings, changes] = await Promise.all([loadRuleSettings(db), settingChanges(db)]);
    return reply.render('performance/views/change-timescales.njk', {
      title: 'Change the timescales',
      groups: changePageGroups(settings, changes, kept?.values),
      reason: kept?.values.reason ?? '',
      errors: kept?.errors,
      backLink: { href: RULES_PAGE, text: 'Back to how we work it out' },
    });
  });

  post(app, CHANGE_PAGE, rules, async (req, reply) => {
    const values = asTyped(req.body, FIELD_NAMES);
    const parsed = settingsForm.safeParse(values);
    const again = (errors: ReturnType<typeof formErrors>) =>
      redirectWithForm(services, req, reply, CHANGE_PAGE, { values, errors });
    if (!parsed.success) return again(formErrors(parsed.error));
    const { reason, ...numbers } = parsed.data as Record<string, number> & { reason: string };
    try {
      const changed = await changeSettings(db, clock, req.actor, settingsFromForm(numbers), reason);
      const names = changed.map((id) => settingTitle(id, RULE_DESCRIPTIONS)).join(', ');
      return redirectWithSuccess(
        services,
        req,
        reply,
        RULES_PAGE,
        `Timescales changed (${names}). Every child’s work has been checked again under the new timescales.`,
      );
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      return again(formErrors([{ field: err.field ?? 'reason', text: err.message }]));
    }
  });

  get(app, `${CHANGE_PAGE}/:rule/default`, rules, async (req, reply) => {
    const id = settingParam(req.params);
    if (!id) throw new NotFoundError('timescale');
    const kept = keptForm(req);
    const [settings, changes] = await Promise.all([loadRuleSettings(db), settingChanges(db)]);
    return reply.render('performance/views/reset-timescale.njk', {
      ...resetPageView(id, settings, changes.get(id)),
      reason: kept?.values.reason ?? '',
      errors: kept?.errors,
      backLink: { href: CHANGE_PAGE, text: 'Back to change the timescales' },
    });
  });

  post(app, `${CHANGE_PAGE}/:rule/default`, rules, async (req, reply) => {
    const id = settingParam(req.params);
    if (!id) throw new NotFoundError('timescale');
    const values = asTyped(req.body, ['reason']);
    const reason = reasonField().safeParse(values.reason);
    if (!reason.success) {
      return redirectWithForm(services, req, reply, resetPage(id), {
        values,
        errors: formErrors(reason.error.issues.map((i) => ({ field: 'reason', text: i.message }))),
      });
    }
    const title = settingTitle(id, RULE_DESCRIPTIONS);
    const done = await resetSetting(db, clock, req.actor, id, reason.data);
    return redirectWithSuccess(
      services,
      req,
      reply,
      RULES_PAGE,
      done
        ? `${title} is back to the default. Every child’s work has been checked again.`
        : `${title} was already the default; nothing was changed.`,
    );
  });
}
