import { addLessonItem } from '../complaints/api.ts';
import type { Actor } from '../platform/audit/audit.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { cellText } from './themes.presenter.ts';
import { themesReport } from './themes.service.ts';

/**
 * A theme becomes a recommendation in the learning loop (complaints' lessons,
 * where actions and their evidence are tracked and "you said, we did" is
 * published). It carries only the suppressed figures, never an interview.
 */
export async function themeToLesson(
  services: Pick<Services, 'db' | 'clock'>,
  user: Principal,
  actor: Actor,
  themeId: string,
) {
  const r = await themesReport(services, user);
  const theme = r.themes.find((t) => t.id === themeId);
  if (!theme) throw new NotFoundError('theme');
  const named = cellText(r, `t:${theme.id}:all`);
  const detail = `From exit interviews over the last two years: leavers naming “${theme.label}”: ${named} of ${cellText(r, 'all')} interviewed (groups under ${r.min} hidden).`;
  return addLessonItem(services.db, services.clock, actor, user, {
    complaintId: null,
    sourceId: null,
    kind: 'recommendation',
    title: `Exit interviews: ${theme.label}`,
    detail,
    theme: theme.label,
    teamId: null,
  });
}
