import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import {
  reasonField,
  SETTING_FIELDS,
  SETTING_IDS,
  type SettingId,
  settingsForm,
  settingsFromForm,
} from './rules/setting-fields.rules.ts';
import {
  CHANGE_PAGE,
  changedMessage,
  presentChangePage,
  presentResetPage,
  RULES_PAGE,
  resetMessage,
  resetPage,
} from './settings.presenter.ts';
import { changeSettings, currentTimescales, resetSetting } from './settings.service.ts';

const permission = 'performance:rules:manage';
/** A setting that does not exist is a page that does not exist. */
const ruleParams = z.object({ rule: z.enum(SETTING_IDS as [SettingId, ...SettingId[]]) });

/** What the person typed, as text ('' for a field left out), so every field gets its own message. */
const asTyped = (names: string[]) => (body: unknown) => {
  const b = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(names.map((n) => [n, typeof b[n] === 'string' ? b[n] : '']));
};
const changeForm = z.preprocess(asTyped([...SETTING_FIELDS.map((f) => f.name), 'reason']), settingsForm);
const resetForm = z.preprocess(asTyped(['reason']), z.object({ reason: reasonField() }));

/** Changing the authority's timescales: the page, and going back to a default. */
export function ruleSettingsRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  page(app, { method: 'GET', url: CHANGE_PAGE, permission, audit: false }, async ({ req, reply }) => {
    const view = presentChangePage(await currentTimescales(db), keptForm(req));
    return reply.render('performance/views/change-timescales.njk', view);
  });

  form(
    app,
    { url: CHANGE_PAGE, permission, body: changeForm, back: () => CHANGE_PAGE, refusalField: 'reason' },
    async (data, { actor }) => {
      const { reason, ...numbers } = data as Record<string, number> & { reason: string };
      const changed = await changeSettings(db, clock, actor, settingsFromForm(numbers), reason);
      return { to: RULES_PAGE, message: changedMessage(changed) };
    },
  );

  page(
    app,
    { method: 'GET', url: `${CHANGE_PAGE}/:rule/default`, permission, params: ruleParams, audit: false },
    async ({ params, req, reply }) => {
      const view = presentResetPage(params.rule, await currentTimescales(db), keptForm(req));
      return reply.render('performance/views/reset-timescale.njk', view);
    },
  );

  form(
    app,
    {
      url: `${CHANGE_PAGE}/:rule/default`,
      permission,
      params: ruleParams,
      body: resetForm,
      back: ({ params }) => resetPage(params.rule),
    },
    async ({ reason }, { params, actor }) => {
      const done = await resetSetting(db, clock, actor, params.rule, reason);
      return { to: RULES_PAGE, message: resetMessage(params.rule, done) };
    },
  );
}
