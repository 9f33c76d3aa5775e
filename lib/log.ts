// Structured JSON logs (pino) with the request's context. The HTTP server (scripts/server.ts) opens a
// context per request; the app fills in who is calling and which action or route ran; the access line
// written when the response finishes carries all of it. No server-only: the server script imports it.
import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";
import pino from "pino";

export type RequestContext = {
  requestId: string;
  method?: string;
  path?: string;
  userId?: string;
  /** The server action or route that ran, by name. */
  action?: string;
};

// One store per process, shared through globalThis: the server script and Next's compiled server code
// load this module separately, and both must see the same context.
const holder = globalThis as unknown as { requestContext?: AsyncLocalStorage<RequestContext>; logger?: pino.Logger };
holder.requestContext ??= new AsyncLocalStorage<RequestContext>();
export const requestContext: AsyncLocalStorage<RequestContext> = holder.requestContext;

holder.logger ??= pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  // Secrets never reach the log, whatever an error object carries.
  redact: { paths: ["password", "*.password", "headers.cookie", "headers.authorization", "secret", "*.secret"], censor: "[redacted]" },
  mixin() {
    const context = requestContext.getStore();
    return context ? { requestId: context.requestId, userId: context.userId, action: context.action } : {};
  },
});
export const logger: pino.Logger = holder.logger;

export function newRequestId(): string {
  return crypto.randomBytes(8).toString("hex");
}

/** The current request's id, for a message the user can quote to the helpdesk. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/** Names the user and the action on the current request's log lines. */
export function noteRequest(fields: Partial<Pick<RequestContext, "userId" | "action">>) {
  const context = requestContext.getStore();
  if (context) Object.assign(context, fields);
}
