// Readiness for nginx health checks and operators: 200 when this process can serve, 503 with the reasons.
// Open without an account (a load balancer has none); it names what is wrong, never a secret.
import { antivirusState, readiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const [{ ready, checks }, antivirus] = await Promise.all([readiness(), antivirusState()]);
  return Response.json({ status: ready ? "ready" : "unavailable", checks, antivirus }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
