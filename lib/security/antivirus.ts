// Virus scanning of uploads through clamd's socket (ClamAV's daemon, Debian's clamav-daemon), with the
// INSTREAM command: "zINSTREAM\0", then chunks as <4-byte big-endian length><bytes>, then a zero length;
// clamd answers "stream: OK" or "stream: <signature> FOUND" (clamd(8)). Hand-written rather than the npm
// `clamscan` package, see docs/decisions/0017-clamd-instream.md. No server-only: the start script reads the
// configuration to warn at start.
import net from "node:net";
import { type Env, runMode } from "@/lib/config/mode";

export type ScannerTarget = { socket: string } | { host: string; port: number };

export type AntivirusConfig =
  | { mode: "scan"; target: ScannerTarget; label: string }
  /** Not scanning: the demo without a scanner, or ANTIVIRUS=off set explicitly. */
  | { mode: "off"; reason: "demo" | "explicit" }
  /** Production with no scanner configured: uploads are refused until one is (or ANTIVIRUS=off). */
  | { mode: "missing" };

export function antivirusConfig(env: Env = process.env): AntivirusConfig {
  if (env.ANTIVIRUS === "off") return { mode: "off", reason: "explicit" };
  if (env.CLAMAV_SOCKET) return { mode: "scan", target: { socket: env.CLAMAV_SOCKET }, label: env.CLAMAV_SOCKET };
  if (env.CLAMAV_HOST) {
    const port = Number(env.CLAMAV_PORT ?? 3310);
    return { mode: "scan", target: { host: env.CLAMAV_HOST, port }, label: `${env.CLAMAV_HOST}:${port}` };
  }
  return runMode(env) === "demo" ? { mode: "off", reason: "demo" } : { mode: "missing" };
}

/** One line for the administrators (the accounts page, the readiness report, the start log). */
export function antivirusNotice(config: AntivirusConfig = antivirusConfig()): { level: "ok" | "warning"; text: string } {
  if (config.mode === "scan") return { level: "ok", text: `病毒扫描：已启用（ClamAV，${config.label}），每个上传的文件都先扫描` };
  if (config.mode === "missing")
    return { level: "warning", text: "病毒扫描：未配置（生产环境需设置 CLAMAV_SOCKET 或 CLAMAV_HOST），在配置之前系统拒绝所有文件上传" };
  if (config.reason === "demo") return { level: "warning", text: "病毒扫描：演示环境未启用，上传的文件不做病毒扫描" };
  return { level: "warning", text: "病毒扫描：已按 ANTIVIRUS=off 关闭，上传的文件不做病毒扫描" };
}

export class ScannerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScannerUnavailableError";
  }
}

export type ScanResult = { clean: true } | { clean: false; signature: string };

const CHUNK = 64 * 1024;

/** Sends the bytes to clamd and reads its verdict; any failure to get one is ScannerUnavailableError. */
export function scanBuffer(target: ScannerTarget, content: Buffer, timeoutMs = 30_000): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const socket = "socket" in target ? net.createConnection(target.socket) : net.createConnection(target.port, target.host);
    const replies: Buffer[] = [];
    let settled = false;
    const finish = (error: Error | null, result?: ScanResult) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) reject(error instanceof ScannerUnavailableError ? error : new ScannerUnavailableError(error.message));
      else resolve(result!);
    };
    socket.setTimeout(timeoutMs, () => finish(new ScannerUnavailableError(`clamd did not answer in ${timeoutMs} ms`)));
    socket.on("error", (error) => finish(error));
    socket.on("data", (data) => replies.push(data));
    socket.on("end", () => {
      const reply = Buffer.concat(replies).toString("utf8").replace(/\0/g, "").trim();
      const found = /^stream: (.+) FOUND$/.exec(reply);
      if (found) finish(null, { clean: false, signature: found[1] });
      else if (reply === "stream: OK") finish(null, { clean: true });
      else finish(new ScannerUnavailableError(`clamd answered: ${reply || "(nothing)"}`));
    });
    socket.on("connect", () => {
      socket.write("zINSTREAM\0");
      for (let offset = 0; offset < content.length; offset += CHUNK) {
        const chunk = content.subarray(offset, offset + CHUNK);
        const size = Buffer.alloc(4);
        size.writeUInt32BE(chunk.length);
        socket.write(size);
        socket.write(chunk);
      }
      socket.write(Buffer.alloc(4));
    });
  });
}

/** clamd's PING, for the readiness report: true when it answers PONG within the timeout. */
export function pingScanner(target: ScannerTarget, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = "socket" in target ? net.createConnection(target.socket) : net.createConnection(target.port, target.host);
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("zPING\0"));
    socket.on("data", (data) => {
      reply += data.toString();
      if (reply.includes("PONG")) done(true);
    });
    socket.on("end", () => done(reply.includes("PONG")));
  });
}
