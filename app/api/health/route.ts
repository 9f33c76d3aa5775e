// Liveness for a load balancer or systemd: the process answers. No database, so a database outage does not
// get every app process restarted; readiness (/api/ready) says whether it can serve.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
