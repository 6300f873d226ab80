/** Errors a service throws that the web layer turns into the right page. */
export class NotFoundError extends Error {
  constructor(what = 'page') {
    super(`Not found: ${what}`);
  }
}

export class CsrfError extends Error {
  constructor() {
    super('Form token missing or wrong');
  }
}

/** Bad input a person can fix: shown as an error summary, nothing changed. */
export class UserInputError extends Error {
  readonly field: string | undefined;
  /** Every problem found, each on its field; a single one unless made by `UserInputError.all`. */
  readonly problems: { field: string | undefined; text: string }[];
  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
    this.problems = [{ field, text: message }];
  }

  /** Several problems found at once (a file and the words beside it), so the person mends them in one go. */
  static all(problems: { field: string; text: string }[]): UserInputError {
    const [first, ...rest] = problems;
    if (!first) throw new Error('UserInputError.all needs at least one problem');
    const err = new UserInputError(first.text, first.field);
    err.problems.push(...rest);
    return err;
  }
}
