// A real clamd for a test (Debian's clamav-daemon; the system service is never used): started in the
// foreground with a config file of its own in a temp folder, its LocalSocket there, and a database folder
// holding one signature of our own for the EICAR test string (freshclam cannot download here). Like
// s3-server.ts, stop() really takes the scanner away, so a test can see uploads refused while it is down.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** The EICAR anti-virus test file (a harmless string every scanner flags), built here so no file in the repo holds it. */
export const EICAR = Buffer.from(
  "58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a",
  "hex",
);
export const EICAR_SIGNATURE = "Cxxm-Test-Eicar";

export type ClamdServer = { socket: string; directory: string; env: Record<string, string>; stop(): Promise<void>; start(): Promise<void> };

export function clamdPath(): string | null {
  for (const candidate of ["/usr/sbin/clamd", "/usr/local/sbin/clamd"]) if (fs.existsSync(candidate)) return candidate;
  const found = spawnSync("sh", ["-c", "command -v clamd"], { encoding: "utf8" }).stdout.trim();
  return found || null;
}

async function answersPing(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const client = net.createConnection(socket);
    let reply = "";
    client.on("error", () => resolve(false));
    client.on("connect", () => client.write("zPING\0"));
    client.on("data", (data) => {
      reply += data.toString();
      if (reply.includes("PONG")) {
        client.destroy();
        resolve(true);
      }
    });
    client.on("end", () => resolve(reply.includes("PONG")));
  });
}

export async function startClamd(): Promise<ClamdServer> {
  const binary = clamdPath();
  if (!binary) throw new Error("clamd not found: apt-get install -y clamav-daemon (the tests start it themselves; the system service may stay stopped)");
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "clamd-test-"));
  const socket = path.join(directory, "clamd.sock");
  fs.mkdirSync(path.join(directory, "db"));
  // An .ndb body signature: name, any file type (0), any offset (*), the bytes in hex.
  fs.writeFileSync(path.join(directory, "db", "test.ndb"), `${EICAR_SIGNATURE}:0:*:${EICAR.toString("hex")}\n`);
  const config = path.join(directory, "clamd.conf");
  fs.writeFileSync(
    config,
    [
      "Foreground yes",
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${path.join(directory, "db")}`,
      `PidFile ${path.join(directory, "clamd.pid")}`,
      `TemporaryDirectory ${directory}`,
      "LogFile /dev/null",
      "Bytecode no",
      "StreamMaxLength 30M",
      "",
    ].join("\n"),
  );
  let child: ChildProcess | null = null;
  let output = "";

  async function start() {
    output = "";
    child = spawn(binary!, ["-c", config], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (data) => {
      output += data.toString();
    });
    child.stderr!.on("data", (data) => {
      output += data.toString();
    });
    const deadline = Date.now() + 60_000;
    while (!(fs.existsSync(socket) && (await answersPing(socket)))) {
      if (child.exitCode !== null) throw new Error(`clamd exited (${child.exitCode}) before it was ready:\n${output}`);
      if (Date.now() > deadline) throw new Error(`clamd did not answer in 60 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function stop() {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.on("exit", () => resolve());
      running.kill("SIGTERM");
    });
    fs.rmSync(socket, { force: true });
  }

  await start();
  return { socket, directory, env: { CLAMAV_SOCKET: socket }, start, stop };
}
