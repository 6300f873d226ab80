import { z } from 'zod';
import { newId } from '../platform/ids.ts';
import { dayField, optionalText, THEMES, text } from './forms.ts';
import { type ComplaintEvent, OUTCOMES } from './lifecycle.rules.ts';

/**
 * The stage actions on a complaint's page: each a small form named on the page
 * (its fields' ids are prefixed with the name), posted to /complaints/:id/<name>,
 * with its fields, the event it becomes for the state machine, who may send it
 * and what the person is told when it is accepted.
 */
const on = dayField('the date');

export interface EventForm {
  form: string;
  permission: 'complaints:manage' | 'complaints:investigate';
  schema: z.ZodType;
  /** The answers, as parsed by `schema`, as the event the state machine is asked to accept. */
  toEvent: (answers: unknown) => ComplaintEvent;
  message: string;
}

/** Types one stage action: its event is built from exactly what its schema parses. */
const eventForm = <S extends z.ZodType>(f: {
  form: string;
  permission?: 'complaints:investigate';
  schema: S;
  event: (d: z.infer<S>) => ComplaintEvent;
  message: string;
}): EventForm => ({
  form: f.form,
  permission: f.permission ?? 'complaints:manage',
  schema: f.schema,
  // form() hands over the answers only once this schema has parsed them.
  toEvent: (answers) => f.event(answers as z.infer<S>),
  message: f.message,
});

export const EVENT_FORMS: EventForm[] = [
  eventForm({
    form: 'finding',
    permission: 'complaints:investigate',
    schema: z.object({
      on,
      elementId: z.string().min(1, 'Choose an element'),
      outcome: z.enum(OUTCOMES, { message: 'Choose an outcome' }),
      finding: text('what the investigation found', 4000),
    }),
    event: (d) => ({
      type: 'finding',
      on: d.on,
      elementId: d.elementId,
      outcome: d.outcome,
      finding: d.finding,
    }),
    message: 'The finding has been recorded.',
  }),
  eventForm({
    form: 'element',
    schema: z.object({
      on,
      summary: text('the element', 1000),
      theme: z.enum(THEMES, { message: 'Choose a theme' }),
    }),
    event: (d) => ({ type: 'element-added', on: d.on, id: newId(), summary: d.summary, theme: d.theme }),
    message: 'The element has been added.',
  }),
  eventForm({
    form: 'extend',
    schema: z.object({
      on,
      toDays: z.coerce
        .number({ message: 'Enter the number of working days' })
        .int('Enter a whole number of working days'),
      reason: text('why the response needs more time', 2000),
    }),
    event: (d) => ({ type: 'extended', on: d.on, toDays: d.toDays, reason: d.reason }),
    message: 'The response time has been extended.',
  }),
  eventForm({
    form: 'panel',
    schema: z.object({ on }),
    event: (d) => ({ type: 'panel-held', on: d.on }),
    message: 'The review panel has been recorded.',
  }),
  eventForm({
    form: 'report',
    schema: z.object({ on }),
    event: (d) => ({ type: 'report-issued', on: d.on }),
    message: 'The panel’s report has been recorded.',
  }),
  eventForm({
    form: 'respond',
    schema: z.object({ on }),
    event: (d) => ({ type: 'responded', on: d.on }),
    message: 'The response has been recorded and the stage closed.',
  }),
  eventForm({
    form: 'escalate',
    schema: z.object({
      on,
      clockStartOn: z
        .string()
        .trim()
        .default('')
        .refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), 'Enter the date as YYYY-MM-DD'),
      lateReason: optionalText(2000),
    }),
    event: (d) => ({
      type: 'escalated',
      on: d.on,
      clockStartOn: d.clockStartOn || undefined,
      lateReason: d.lateReason || undefined,
    }),
    message: 'The complaint has moved to the next stage.',
  }),
  eventForm({
    form: 'resolve',
    schema: z.object({ on }),
    event: (d) => ({ type: 'resolved', on: d.on }),
    message: 'The complaint has been marked resolved.',
  }),
  eventForm({
    form: 'withdraw',
    schema: z.object({ on, reason: text('why the complaint was withdrawn', 2000) }),
    event: (d) => ({ type: 'withdrawn', on: d.on, reason: d.reason }),
    message: 'The complaint has been marked withdrawn.',
  }),
  eventForm({
    form: 'ombudsman',
    schema: z.object({ on, reference: text('the Ombudsman’s reference', 100) }),
    event: (d) => ({ type: 'ombudsman', on: d.on, reference: d.reference }),
    message: 'The referral to the Ombudsman has been recorded.',
  }),
];
