/**
 * What other folders may use of the practice tools: the coach itself (a pure
 * rule, for a bulletin's practice-focus section that wants to show an example)
 * and the address of the tools. Nothing else is imported from outside.
 */
export { coach } from './coach.rules.ts';
export const PRACTICE_TOOLS_HREF = '/practice-tools';
/** Example addresses of the practice pages, for the platform's route × role test. */
export const practiceToolsRouteFixtures = () => ({
  '/practice-tools/scenarios/:id': { url: '/practice-tools/scenarios/unsure-about-plan' },
});
