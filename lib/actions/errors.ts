/** The one error whose message may be shown to the user; anything else becomes a generic message and a log line. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ActionError";
  }
}

export const GENERIC_ERROR = "操作失败，请稍后重试";
export const STALE_RECORD = "该记录已被他人修改，请刷新页面后再改";

/** A problem tied to one field of a form: shown next to that field (see `withFieldErrors`). */
export class FieldError extends ActionError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "FieldError";
  }
}

/**
 * The record named is not there for this caller: missing, or (the usual case for a forged id) outside their
 * unit, which the scoped query cannot tell apart. Shown like an ActionError; the action client audits it as a
 * refusal (`access.denied`, DENIED, rate-limited; lib/audit/refusals.ts).
 */
export class NotFoundError extends ActionError {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}
