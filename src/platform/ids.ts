import { randomUUID } from 'node:crypto';

/** Every record's id: a random UUID made by the app, the same on both dialects. */
export const newId = (): string => randomUUID();
