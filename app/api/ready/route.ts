// Readiness for nginx health checks and operators: 200 when this process can serve, 503 with the reasons.
// Open without an account (a load balancer has none); it names what is wrong, never a secret.
import { readiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ready, checks } = await readiness();
  return Response.json({ status: ready ? "ready" : "unavailable", checks }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
