import type { Db } from '../platform/db/db.ts';
import { type Action, can, listScope } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { REGULATION_DAYS } from './clocks.rules.ts';
import {
  type ComplaintFilters,
  complaintContacts,
  complaintDocuments,
  complaintWorkers,
  listComplaints,
  loadEvents,
} from './complaints.repo.ts';
import { complaintFor } from './complaints.service.ts';
import { listStaff, listTeams } from './directory.repo.ts';
import { listItems } from './lessons.repo.ts';
import { replay } from './lifecycle.rules.ts';

/** What the complaints list needs: the complaints this person may see, the teams to filter by, what they may do. */
export async function complaintListPage(db: Db, user: Principal, filters: ComplaintFilters, today: string) {
  const [rows, teams] = await Promise.all([
    listComplaints(db, listScope(user, 'complaints:view'), filters, today),
    listTeams(db),
  ]);
  return {
    rows,
    teams,
    may: {
      manage: can(user, 'complaints:manage'),
      sources: can(user, 'lessons:sources'),
      reports: can(user, 'complaints:reports'),
    },
  };
}

/** The choices on the register form: teams, and staff (leavers included: a complaint may be about them). */
export async function newComplaintPage(db: Db) {
  const [teams, staff] = await Promise.all([listTeams(db), listStaff(db)]);
  return { teams, staff };
}

/**
 * One complaint for its page, checked against the policy: its state replayed
 * from its events, who and what it concerns, its lessons, and which of its
 * actions this person may take. An action's page asks for its own action
 * (`complaints:manage` or `complaints:investigate`) on this record.
 */
export async function complaintPage(
  db: Db,
  user: Principal,
  id: string,
  today: string,
  action: Action = 'complaints:view',
) {
  const complaint = await complaintFor(db, user, action, id);
  const events = await loadEvents(db, complaint.id);
  const state = replay(
    events.map((e) => e.event),
    { today, calendar: REGULATION_DAYS },
  );
  const [workers, contacts, documents, lessons, staff] = await Promise.all([
    complaintWorkers(db, complaint.id),
    complaintContacts(db, complaint.id),
    complaintDocuments(db, complaint.id),
    // Whoever may see the complaint sees the lessons raised from it.
    listItems(db, { kind: 'all' }, { complaintId: complaint.id }),
    listStaff(db),
  ]);
  // The people the complaint is about may see it (their scope allows) but not act on it.
  const record = {
    teamId: complaint.team_id,
    serviceId: complaint.service_id,
    subjectIds: workers.map((w) => w.id),
  };
  return {
    complaint,
    events,
    state,
    workers,
    contacts,
    documents,
    lessons,
    staff,
    may: {
      manage: can(user, 'complaints:manage', record),
      investigate: can(user, 'complaints:investigate', record),
      addLesson: can(user, 'lessons:manage'),
    },
  };
}
export type ComplaintPageData = Awaited<ReturnType<typeof complaintPage>>;
