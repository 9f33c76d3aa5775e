// Where a request comes from, for the audit log.
import { plainIp } from "@/lib/audit/describe";

/** The client's address; an IPv4 one arriving as `::ffff:a.b.c.d` (dual-stack socket) is kept as `a.b.c.d`. */
export function clientIp(get: (name: string) => string | null | undefined): string | null {
  const forwarded = get("x-forwarded-for");
  if (forwarded) return plainIp(forwarded.split(",")[0].trim().slice(0, 64));
  return plainIp(get("x-real-ip")?.slice(0, 64));
}
