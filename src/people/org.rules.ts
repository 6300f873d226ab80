/**
 * What makes a team or service name a name (issue 11 item 4): it has letters.
 * "-1", "0", "0000-00-00" or a lone control character are not names, though
 * digits and punctuation beside letters are fine ("Assessment Team 1", "0–5s").
 */
export function orgNameProblem(kind: 'team' | 'service', name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return `Enter the ${kind}’s name`;
  if (!/\p{L}/u.test(trimmed))
    return `The ${kind}’s name must contain letters, for example ${kind === 'team' ? 'Assessment Team 1' : 'Children in Care'}`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed))
    return `The ${kind}’s name must not contain control characters`;
  return null;
}
