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
  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}
