/**
 * What other folders may use of the bulletin: nothing yet but the example
 * addresses of its pages (for the platform's route × role test).
 */
export { bulletinRouteFixtures } from './route-fixtures.ts';

import { addArticleAsEditor, createEdition } from './editions.service.ts';
import { deliverEdition, publishNow } from './sending.service.ts';

/** For bench/bulletin.ts: building, publishing and delivering an edition as the pages do. */
export const bulletinBench = { createEdition, addArticleAsEditor, publishNow, deliverEdition };
