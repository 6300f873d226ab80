import type { FastifyInstance } from 'fastify';
import type { DEMO_PERSONAS } from '../../src/demo/api.ts';
import { demoEmail } from '../../src/demo/api.ts';
import { page } from '../../src/platform/http/page.ts';
import { type Action, can } from '../../src/platform/policy/policy.ts';

/**
 * A planted accessibility problem, to prove the accessibility crawl finds what
 * it should: one extra page, for an action only system admins have, linked
 * from home for those who may see it, with an image that has no text
 * alternative (axe's image-alt, WCAG 1.1.1) and a block wider than a phone that
 * makes the page scroll sideways (the reflow check, WCAG 1.4.10), a button
 * whose name leaves out the words it shows and a link that is only a number
 * (the names check, WCAG 2.5.3 and 2.4.4). It exists only in the hub that
 * e2e/accessibility.test.ts starts.
 */
export const PLANTED = '/planted-by-the-accessibility-test';
const ACTION: Action = 'outbox:view';
/**
 * The planted wide block: a line of preformatted text, which never wraps — about 600 px in the
 * browser's monospace font, so only the 320 px check finds it. (Not a style attribute: the CSP
 * forbids inline styles, so the browser would ignore one.)
 */
const PLANTED_WIDE = `<pre>A line too long for a phone, as preformatted text never wraps.</pre>`;
/** A button named otherwise than it reads, and a link saying only "7". */
const PLANTED_NAMES = `<button type="button" class="govuk-button" aria-label="Cancel the place of Aisha Brown">Cancel place</button><p class="govuk-body"><a class="govuk-link" href="/">7</a></p>`;

export function plantProblem(app: FastifyInstance) {
  page(app, { method: 'GET', url: PLANTED, permission: ACTION, audit: false }, ({ reply }) =>
    reply.render('platform/views/error.njk', {
      title: 'A planted problem',
      paragraphs: ['This page exists only in the accessibility test, which expects axe to find its problem.'],
    }),
  );
  app.addHook('onSend', async (req, reply, payload) => {
    // Pages are sent as bytes (platform/views/render.ts renderBytes).
    const html =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    if (html === null || !String(reply.getHeader('content-type')).startsWith('text/html')) return payload;
    if (req.url === PLANTED)
      return html.replace('</main>', `<img src="/favicon.svg">${PLANTED_WIDE}${PLANTED_NAMES}</main>`);
    if (req.url === '/' && req.user && can(req.user, ACTION)) {
      return html.replace(
        '</main>',
        `<p class="govuk-body"><a class="govuk-link" href="${PLANTED}">A planted problem</a></p></main>`,
      );
    }
    return payload;
  });
}

/** Whether a demo persona may open the planted page, as the policy decides. */
export const reachesPlanted = (persona: (typeof DEMO_PERSONAS)[number]) =>
  can(
    {
      id: '',
      name: persona.name,
      email: demoEmail(persona.name),
      roles: persona.roles,
      teamId: null,
      serviceId: null,
    },
    ACTION,
  );
