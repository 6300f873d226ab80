// Frozen: migrations never import app code, so they run the same in a year's time.
import { type Kysely, sql } from 'kysely';

/** Active booking states: a person may hold at most one of these per session. */
const ACTIVE = `('requested', 'booked', 'waitlisted', 'offered')`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lrn_courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('audience', 'text', (c) =>
      c.notNull().defaultTo('everyone').check(sql`audience in ('everyone', 'managers')`),
    )
    .addColumn('provider_kind', 'text', (c) =>
      c.notNull().defaultTo('internal').check(sql`provider_kind in ('internal', 'external')`),
    )
    .addColumn('provider_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('provider_link', 'text')
    .addColumn('provider_instructions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mandatory', 'integer', (c) => c.notNull().defaultTo(0).check(sql`mandatory in (0, 1)`))
    .addColumn('needs_approval', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`needs_approval in (0, 1)`),
    )
    .addColumn('outcomes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('focus_month', 'text')
    .addColumn('you_said_we_did', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lrn_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('lrn_courses.id'))
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity is null or capacity >= 0`))
    .addColumn('venue', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('online_link', 'text')
    .addColumn('trainers', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', 'text')
    .addColumn('signup_opens_at', 'text')
    .addColumn('signup_closes_at', 'text')
    .addColumn('cancel_cutoff_hours', 'integer', (c) => c.notNull().defaultTo(24))
    .addColumn('offer_window_days', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('hold_hours', 'integer', (c) => c.notNull().defaultTo(4))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('scheduled').check(sql`status in ('scheduled', 'cancelled')`),
    )
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lrn_sessions_course_idx').on('lrn_sessions').column('course_id').execute();
  await db.schema.createIndex('lrn_sessions_start_idx').on('lrn_sessions').column('starts_at').execute();

  // The dated parts of a session: a three-day induction is one session with three parts.
  await db.schema
    .createTable('lrn_session_parts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('lrn_sessions.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .execute();
  await db.schema.createIndex('lrn_parts_session_idx').on('lrn_session_parts').column('session_id').execute();
  await db.schema.createIndex('lrn_parts_day_idx').on('lrn_session_parts').column('day').execute();

  await db.schema
    .createTable('lrn_bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('lrn_sessions.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('requested', 'booked', 'waitlisted', 'offered', 'cancelled', 'declined', 'removed', 'lapsed', 'moved')`,
        ),
    )
    .addColumn('queue_pos', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('offer_expires_at', 'text')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lrn_bookings_session_idx')
    .on('lrn_bookings')
    .columns(['session_id', 'status'])
    .execute();
  await db.schema.createIndex('lrn_bookings_staff_idx').on('lrn_bookings').column('staff_id').execute();
  await sql
    .raw(
      `create unique index lrn_bookings_one_active on lrn_bookings (session_id, staff_id) where status in ${ACTIVE}`,
    )
    .execute(db);

  await db.schema
    .createTable('lrn_attendance')
    .addColumn('booking_id', 'text', (c) => c.notNull().references('lrn_bookings.id'))
    .addColumn('part_id', 'text', (c) => c.notNull().references('lrn_session_parts.id').onDelete('cascade'))
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('attended', 'partial', 'no-show')`),
    )
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lrn_attendance_pk', ['booking_id', 'part_id'])
    .execute();

  await db.schema
    .createTable('lrn_evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('booking_id', 'text', (c) => c.notNull().unique().references('lrn_bookings.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('lrn_sessions.id'))
    .addColumn('content', 'integer', (c) => c.notNull().check(sql`content between 1 and 5`))
    .addColumn('trainer', 'integer', (c) => c.notNull().check(sql`trainer between 1 and 5`))
    .addColumn('relevance', 'integer', (c) => c.notNull().check(sql`relevance between 1 and 5`))
    .addColumn('differently', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('better', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lrn_interest')
    .addColumn('course_id', 'text', (c) => c.notNull().references('lrn_courses.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'text')
    .addPrimaryKeyConstraint('lrn_interest_pk', ['course_id', 'staff_id'])
    .execute();

  await db.schema
    .createTable('lrn_cpd')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('booking_id', 'text', (c) => c.unique().references('lrn_bookings.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('reflection', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('peer_reflected', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`peer_reflected in (0, 1)`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lrn_cpd_staff_idx').on('lrn_cpd').column('staff_id').execute();

  await db.schema
    .createTable('lrn_modules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull().unique())
    .addColumn('renewal_months', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lrn_completions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('module_id', 'text', (c) => c.notNull().references('lrn_modules.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('self', 'import')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lrn_completions_staff_idx')
    .on('lrn_completions')
    .columns(['staff_id', 'module_id'])
    .execute();

  // A personal calendar feed: only a hash of the secret is kept, so a leaked database does not leak feeds.
  await db.schema
    .createTable('lrn_feed_tokens')
    .addColumn('staff_id', 'text', (c) => c.primaryKey().references('staff.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'lrn_feed_tokens',
    'lrn_completions',
    'lrn_modules',
    'lrn_cpd',
    'lrn_interest',
    'lrn_evaluations',
    'lrn_attendance',
    'lrn_bookings',
    'lrn_session_parts',
    'lrn_sessions',
    'lrn_courses',
  ])
    await db.schema.dropTable(t).execute();
}
