import type { FastifyInstance } from 'fastify';
import { keptForm } from '../platform/http/forms.ts';
import { get } from '../platform/http/route.ts';
import { can } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { formatDate, formatDateTime } from '../platform/views/format.ts';
import { REGULATION_DAYS } from './clocks.rules.ts';
import {
  availableActions,
  clockView,
  EVENT_WORDS,
  elementsTable,
  STATUS_NAMES,
  stagesTable,
} from './complaint.presenter.ts';
import { complaintContacts, complaintDocuments, complaintWorkers, loadEvents } from './complaints.repo.ts';
import { complaintFor, todayIn } from './complaints.service.ts';
import { ALLOWED_EXTENSIONS } from './documents.ts';
import { idParam } from './form-post.ts';
import { CONTACT_METHODS, OUTCOME_NAMES, selectItems, THEMES } from './forms.ts';
import { listItems } from './learning.repo.ts';
import { replay } from './lifecycle.rules.ts';
import { staffItems } from './options.ts';

/** The complaint's own page: who, what, the clock, the stages, the investigation and the learning. */
export function complaintPageRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  get(
    app,
    '/complaints/:id',
    {
      permission: 'complaints:view',
      audit: { recordType: 'complaint', recordId: idParam, summary: () => 'Viewed a complaint' },
    },
    async (req, reply) => {
      const user = req.user!;
      const row = await complaintFor(db, user, 'complaints:view', idParam(req));
      const today = todayIn(clock);
      const events = await loadEvents(db, row.id);
      const state = replay(
        events.map((e) => e.event),
        { today, calendar: REGULATION_DAYS },
      );
      const kept = keptForm(req);
      const keptFor = (form: string) => (kept?.values.form === form ? kept.values : {});
      const canManage = can(user, 'complaints:manage', { teamId: row.team_id, serviceId: row.service_id });
      const canInvestigate = can(user, 'complaints:investigate', {
        teamId: row.team_id,
        serviceId: row.service_id,
      });
      const elements = elementsTable(state);
      const staffChoice = (form: string, field: string, first: string) =>
        staffItems(db, keptFor(form)[field], { first });
      return reply.render('complaints/views/complaint.njk', {
        title: `Complaint ${row.reference}`,
        c: row,
        status: STATUS_NAMES[state.status],
        state,
        clock: clockView(state, today),
        stages: stagesTable(state, today),
        elements,
        workers: await complaintWorkers(db, row.id),
        contacts: (await complaintContacts(db, row.id)).map((x) => ({
          ...x,
          on: formatDate(x.contacted_on),
        })),
        documents: (await complaintDocuments(db, row.id)).map((d) => ({
          ...d,
          at: formatDateTime(d.uploaded_at),
        })),
        history: events.map((e) => ({
          at: formatDateTime(e.at),
          on: formatDate(e.event.on),
          what: EVENT_WORDS[e.event.type] ?? e.event.type,
          by: e.actor_name,
        })),
        learning: await listItems(db, { kind: 'all' }, { complaintId: row.id }),
        actions: availableActions(state),
        canManage,
        canInvestigate,
        canAddLearning: can(user, 'learning-items:manage'),
        kept: kept?.values ?? {},
        errors: kept?.errors,
        keptFor,
        today,
        elementItems: [
          { value: '', text: 'Choose an element' },
          ...elements.map((e, i) => ({
            value: e.id,
            text: `${i + 1}. ${e.summary.slice(0, 80)}`,
            selected: keptFor('finding').elementId === e.id,
          })),
        ],
        outcomeItems: Object.entries(OUTCOME_NAMES).map(([value, text]) => ({
          value,
          text,
          checked: keptFor('finding').outcome === value,
        })),
        themeItems: selectItems(THEMES, keptFor('element').theme, 'Choose a theme'),
        methodItems: selectItems(CONTACT_METHODS, keptFor('contact').method, 'Choose a method'),
        contactStaffItems: await staffChoice('contact', 'staffId', 'Not a member of staff'),
        officerItems: await staffItems(
          db,
          kept?.values.form === 'investigation' ? kept.values.officerId : row.officer_id,
          {
            first: 'Not chosen yet',
            activeOnly: true,
          },
        ),
        allowedTypes: ALLOWED_EXTENSIONS.map((x) => `.${x}`).join(', '),
        backLink: { href: '/complaints', text: 'All complaints' },
      });
    },
  );
}
