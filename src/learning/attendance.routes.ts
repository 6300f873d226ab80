import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { keptForm } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { type Outcome, saveRegister } from './attendance.service.ts';
import { partsOf } from './booking.repo.ts';
import { act, idParam } from './http.ts';
import { getSessionWithCourse } from './session.repo.ts';

const OUTCOMES = ['attended', 'partial', 'no-show'] as const;
const partQuery = z.object({ part: z.string().max(60).optional().catch(undefined) });

/** The register per day, and a sign-in sheet to print, for L&D and trainers. */
export function attendanceRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const rules = { permission: 'learning:manage', audit: false } as const;

  const load = async (id: string, partId?: string) => {
    const s = await getSessionWithCourse(db, id);
    if (!s) throw new NotFoundError('session');
    const parts = await partsOf(db, id);
    const part = parts.find((p) => p.id === partId) ?? parts[0];
    const people = await db
      .selectFrom('lrn_bookings as b')
      .innerJoin('staff', 'staff.id', 'b.staff_id')
      .leftJoin('teams', 'teams.id', 'staff.team_id')
      .leftJoin('lrn_attendance as a', (j) =>
        j.onRef('a.booking_id', '=', 'b.id').on('a.part_id', '=', part?.id ?? ''),
      )
      .select(['b.id', 'staff.name', 'teams.name as team', 'a.outcome', 'a.notes'])
      .where('b.session_id', '=', id)
      .where('b.status', '=', 'booked')
      .orderBy('staff.name')
      .execute();
    return { s, parts, part, people };
  };

  get(app, '/learning/sessions/:id/register', rules, async (req, reply) => {
    const { s, parts, part, people } = await load(idParam(req), partQuery.parse(req.query).part);
    return reply.render('learning/views/register.njk', {
      title: `Register: ${s.title}`,
      s,
      part,
      dayLinks: parts.map((p, i) => ({
        href: `/learning/sessions/${s.id}/register?part=${p.id}`,
        text: `Day ${i + 1}: ${formatDate(p.day)}`,
        current: p.id === part?.id,
      })),
      people: people.map((p, i) => ({
        ...p,
        index: i,
        items: OUTCOMES.map((o) => ({
          value: o,
          text: o === 'attended' ? 'Attended' : o === 'partial' ? 'Partly attended' : 'Did not attend',
          checked: p.outcome === o,
        })),
      })),
      errors: keptForm(req)?.errors,
      backLink: { href: `/learning/sessions/${s.id}`, text: 'Back to the session' },
    });
  });

  post(app, '/learning/sessions/:id/register', rules, async (req, reply) => {
    const id = idParam(req);
    const body = (req.body ?? {}) as Record<string, string>;
    const partId = String(body.part ?? '');
    return act(
      services,
      req,
      reply,
      `/learning/sessions/${id}/register?part=${encodeURIComponent(partId)}`,
      async () => {
        const marks: { bookingId: string; outcome: Outcome; notes: string }[] = [];
        for (let i = 0; body[`booking-${i}`] !== undefined && i < 1000; i++) {
          const outcome = body[`outcome-${i}`];
          if (!outcome) continue;
          if (!OUTCOMES.includes(outcome as Outcome))
            throw new UserInputError('Choose attended, partly attended or did not attend.', `outcome-${i}`);
          marks.push({
            bookingId: String(body[`booking-${i}`]),
            outcome: outcome as Outcome,
            notes: String(body[`notes-${i}`] ?? '').slice(0, 500),
          });
        }
        if (!marks.length)
          throw new UserInputError('Mark at least one person before saving the register.', 'outcome-0');
        await saveRegister(db, clock, req.actor, id, partId, marks);
        return `The register has been saved for ${marks.length} ${marks.length === 1 ? 'person' : 'people'}.`;
      },
    );
  });

  get(app, '/learning/sessions/:id/sign-in-sheet', rules, async (req, reply) => {
    const { s, part, people } = await load(idParam(req), partQuery.parse(req.query).part);
    return reply.render('learning/views/sign-in-sheet.njk', {
      title: `Sign-in sheet: ${s.title}`,
      day: part
        ? `${formatDate(part.day)}, ${part.start_time} to ${part.end_time ?? 'end time to be confirmed'}`
        : 'Date to be confirmed',
      where: s.venue || (s.online_link ? 'Online' : 'Venue to be confirmed'),
      people,
      backLink: { href: `/learning/sessions/${s.id}`, text: 'Back to the session' },
    });
  });
}
