// Where a request comes from, for the audit log.
export function clientIp(get: (name: string) => string | null | undefined): string | null {
  const forwarded = get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0].trim().slice(0, 64) || null;
  return get("x-real-ip")?.slice(0, 64) ?? null;
}
