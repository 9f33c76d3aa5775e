// Errors Next.js caught while rendering a page, running an action or a route: one structured log line with the
// stack and the digest that the error page shows the user (app/error.tsx), next to the request id.
import type { Instrumentation } from "next";

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/log");
  const header = request.headers["x-request-id"];
  logger.error(
    {
      err: error,
      digest: typeof error === "object" && error !== null && "digest" in error ? String((error as { digest: unknown }).digest) : undefined,
      requestId: Array.isArray(header) ? header[0] : header,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
};
