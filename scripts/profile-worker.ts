// A CPU profile of one running app process for a few seconds, without restarting it (docs/benchmark.md, fifth
// round): SIGUSR1 opens the process's inspector (on the port of NODE_OPTIONS=--inspect-port=… given to the app
// when it started, 9229 otherwise), the Chrome DevTools protocol starts the profiler, and after the given seconds
// the profile is written as a .cpuprofile (open it in Chrome's DevTools, or summarise it with
// scripts/profile-summary.ts). A diagnostic, not part of any test.
//
//   node --experimental-websocket --import tsx scripts/profile-worker.ts <pid> <seconds> <out.cpuprofile> [port]
import fs from "node:fs";

const [pidText, secondsText, out, portText] = process.argv.slice(2);
if (!pidText || !secondsText || !out) {
  console.error("usage: profile-worker.ts <pid> <seconds> <out.cpuprofile> [first inspector port, 9229]");
  process.exit(2);
}
const pid = Number(pidText);
// Cluster workers listen on the primary's port + their number (9230, 9231 … for 9229): the first that answers.
const firstPort = Number(portText ?? 9229);

process.kill(pid, "SIGUSR1");
let target: { webSocketDebuggerUrl: string } | undefined;
for (let i = 0; i < 50 && !target; i++) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (let port = firstPort; port < firstPort + 9 && !target; port++) {
    try {
      target = ((await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[])[0];
    } catch {
      // not listening (yet)
    }
  }
}
if (!target) throw new Error(`no inspector on ports ${firstPort}–${firstPort + 8} for process ${pid}`);

const socket = new WebSocket(target.webSocketDebuggerUrl);
await new Promise((resolve, reject) => {
  socket.onopen = resolve;
  socket.onerror = reject;
});
let next = 0;
const waiting = new Map<number, (result: unknown) => void>();
socket.onmessage = (event) => {
  const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: unknown };
  if (message.id !== undefined) waiting.get(message.id)?.(message.error ? Promise.reject(message.error) : message.result);
};
const send = (method: string, params: Record<string, unknown> = {}) =>
  new Promise<unknown>((resolve) => {
    const id = ++next;
    waiting.set(id, resolve);
    socket.send(JSON.stringify({ id, method, params }));
  });

await send("Profiler.enable");
await send("Profiler.setSamplingInterval", { interval: 200 });
await send("Profiler.start");
await new Promise((resolve) => setTimeout(resolve, Number(secondsText) * 1000));
const { profile } = (await send("Profiler.stop")) as { profile: unknown };
fs.writeFileSync(out, JSON.stringify(profile));
await send("Profiler.disable");
socket.close();
console.log(`profile of ${pid} for ${secondsText} s written to ${out}`);
