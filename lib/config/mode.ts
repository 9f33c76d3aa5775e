// Which of the two ways to run this process is in: the embedded demo (`npm start` with no DATABASE_URL) or
// production (NODE_ENV=production or any external DATABASE_URL). Read by the start script before anything
// else, and by the app (the demo banner, the readiness route). No server-only: scripts import it too.

export type RunMode = "demo" | "production";

/** Any set of variables (process.env, or a test's own): plain strings, nothing required. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The start script marks the processes it runs on its own embedded database with APP_MODE=demo; the app
 * itself always runs with NODE_ENV=production (a production build), so NODE_ENV alone cannot tell.
 */
export function runMode(env: Env = process.env): RunMode {
  if (env.APP_MODE === "demo") return "demo";
  if (env.APP_MODE === "production") return "production";
  return env.NODE_ENV === "production" || env.DATABASE_URL ? "production" : "demo";
}

export const MIN_SECRET_BYTES = 32;

/** What production needs before it may start; each problem is a sentence an IT office can act on. */
export function productionProblems(env: Env = process.env): string[] {
  const problems: string[] = [];
  if (!env.DATABASE_URL) problems.push("未设置 DATABASE_URL：生产环境使用外部 PostgreSQL（例如 postgresql://用户:密码@主机:5432/库名）");
  const secret = env.NEXTAUTH_SECRET ?? "";
  if (Buffer.byteLength(secret, "utf8") < MIN_SECRET_BYTES) {
    problems.push(
      secret
        ? `NEXTAUTH_SECRET 太短（${Buffer.byteLength(secret, "utf8")} 字节），至少需要 ${MIN_SECRET_BYTES} 字节，可用 openssl rand -base64 48 生成`
        : `未设置 NEXTAUTH_SECRET：至少 ${MIN_SECRET_BYTES} 字节的随机字符串，可用 openssl rand -base64 48 生成`,
    );
  }
  const url = env.NEXTAUTH_URL;
  if (!url) problems.push("未设置 NEXTAUTH_URL：用户访问本系统的地址，例如 https://cxxm.example.gov.cn");
  else {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error();
    } catch {
      problems.push(`NEXTAUTH_URL 不是有效的网址：${url}`);
    }
  }
  if (env.DEMO_DATA && env.DEMO_DATA !== "on" && env.DEMO_DATA !== "off") problems.push(`DEMO_DATA 只能是 on 或 off，当前为 ${env.DEMO_DATA}`);
  return problems;
}

/** Demo data only in the demo, or where DEMO_DATA=on says so explicitly. */
export function demoDataWanted(env: Env = process.env): boolean {
  if (env.DEMO_DATA === "on") return true;
  if (env.DEMO_DATA === "off") return false;
  return runMode(env) === "demo";
}

/** TLS in front (NEXTAUTH_URL is https): cookies are Secure and HSTS is sent. */
export function servedOverTls(env: Env = process.env): boolean {
  return (env.NEXTAUTH_URL ?? "").startsWith("https://");
}
