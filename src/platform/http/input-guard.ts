import type { FastifyInstance } from 'fastify';
import { UserInputError } from './errors.ts';

// C0 controls and DEL. PostgreSQL refuses NUL in text (a 500 if it reached a query) and SQLite would
// store it; the others are never typed by a person and break CSV, email and calendar files later.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// In addresses and path parameters not even tab or newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const CONTROL_IN_ADDRESS = /[\u0000-\u001F\u007F]/;

/** The first field whose value holds a character nobody types, as "search" or "the address". */
export function fieldWithControlCharacter(values: unknown, pattern: RegExp, prefix = ''): string | null {
  if (typeof values === 'string') return pattern.test(values) ? prefix || 'value' : null;
  if (Array.isArray(values)) {
    for (const v of values) {
      const found = fieldWithControlCharacter(v, pattern, prefix);
      if (found) return found;
    }
    return null;
  }
  if (values && typeof values === 'object') {
    for (const [k, v] of Object.entries(values)) {
      if (pattern.test(k)) return prefix || 'a field name';
      const found = fieldWithControlCharacter(v, pattern, prefix || k);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses, before any handler runs, a request whose address, path or form holds a control character
 * (tab and line breaks are allowed in form fields, which may be several lines). Nothing is changed and
 * the person is told which field to mend.
 */
export function inputGuardSetup(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const inAddress =
      fieldWithControlCharacter(req.params, CONTROL_IN_ADDRESS) ??
      fieldWithControlCharacter(req.query, CONTROL_IN_ADDRESS);
    if (inAddress)
      throw new UserInputError(
        `The web address contains a character that cannot be used (in “${inAddress}”). Check the address and try again.`,
      );
    const inForm = fieldWithControlCharacter(req.body, CONTROL);
    if (inForm)
      throw new UserInputError(
        `What you entered in “${inForm}” contains a hidden control character that cannot be saved. Type it again without copying and pasting, then try again.`,
      );
  });
}
