import { z } from 'zod';

/**
 * What a person reads when a form or address is refused by a schema that gave no message of its own:
 * plain English naming the field and the limit, never the library's wording ("Too big: expected
 * string to have <=2000 characters"). Schemas with their own messages keep them.
 */
export function fieldLabel(path: readonly PropertyKey[] | undefined): string {
  const key = path?.length ? String(path[path.length - 1]) : '';
  if (!key || /^\d+$/.test(key)) return 'This answer';
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const count = (n: unknown) =>
  typeof n === 'number' || typeof n === 'bigint' ? Number(n).toLocaleString('en-GB') : String(n);

type Issue = z.core.$ZodRawIssue;

export function plainMessage(issue: Issue): string {
  const label = fieldLabel(issue.path);
  const lower = label.charAt(0).toLowerCase() + label.slice(1);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return `Enter ${lower}`;
      return `${label} is not in a form the Hub can read: enter it again`;
    case 'too_big':
      if (issue.origin === 'string') return `${label} must be ${count(issue.maximum)} characters or fewer`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Choose ${count(issue.maximum)} or fewer for ${lower}`;
      return `${label} must be ${count(issue.maximum)} or less`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? `Enter ${lower}`
          : `${label} must be at least ${count(issue.minimum)} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Choose at least ${count(issue.minimum)} for ${lower}`;
      return `${label} must be ${count(issue.minimum)} or more`;
    case 'invalid_value':
      return `Choose one of the options for ${lower}`;
    case 'invalid_format':
      return `Enter ${lower} in the right format`;
    case 'not_multiple_of':
      return `${label} must be a whole number`;
    case 'unrecognized_keys':
      return 'The form had fields the Hub does not expect: go back, reload the page and try again';
    default:
      return `${label} is not valid: check it and try again`;
  }
}

z.config({ customError: plainMessage });
