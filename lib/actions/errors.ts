/** The one error whose message may be shown to the user; anything else becomes a generic message and a log line. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ActionError";
  }
}

export const GENERIC_ERROR = "操作失败，请稍后重试";
export const STALE_RECORD = "该记录已被他人修改，请刷新页面后再改";
