// The action guard's body check (scripts/server.ts) reads a body and puts it back: what Next reads afterwards must be
// the same bytes, however the body arrived; a client that goes away mid-body must not leave the request hanging.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peekBody } from "@/lib/security/peek-body";

let server: http.Server;
let port: number;
const failures: string[] = [];

beforeAll(async () => {
  server = http.createServer(async (request, response) => {
    try {
      const peeked = await peekBody(request, Number(request.headers["content-length"] ?? 0));
      // Read again as Next does for a text action body: a pipeline into a stream that collects the chunks.
      const chunks: Buffer[] = [];
      await pipeline(
        request,
        new Writable({
          write(chunk, _encoding, callback) {
            chunks.push(chunk);
            callback();
          },
        }),
      );
      const reread = Buffer.concat(chunks).toString("utf8");
      response.end(JSON.stringify({ peeked: peeked.length, reread: reread.length, same: peeked === reread }));
    } catch (error) {
      failures.push((error as Error).message);
      response.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends the body in `parts` writes, a few ms apart, so that it arrives in several chunks. */
function post(body: string, parts: number): Promise<{ peeked: number; reread: number; same: boolean }> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body, "utf8");
    const request = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", headers: { "content-length": bytes.length } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        text += chunk;
      });
      response.on("end", () => resolve(JSON.parse(text)));
    });
    request.on("error", reject);
    const size = Math.ceil(bytes.length / parts);
    let offset = 0;
    const next = () => {
      if (offset >= bytes.length) return request.end();
      request.write(bytes.subarray(offset, offset + size));
      offset += size;
      setTimeout(next, 5);
    };
    next();
  });
}

describe("peekBody", () => {
  it("gives back a body that arrived in many chunks, byte for byte, multi-byte characters cut across them included", async () => {
    const body = JSON.stringify([{ id: "x", problem: "党员作用发挥不明显。".repeat(30_000) }]); // about 900 KB
    const answer = await post(body, 37);
    expect(answer).toEqual({ peeked: body.length, reread: body.length, same: true });
  });

  it("gives back a small body and an empty one", async () => {
    expect(await post('[{"id":"x"}]', 1)).toEqual({ peeked: 12, reread: 12, same: true });
    expect(await post("", 1)).toEqual({ peeked: 0, reread: 0, same: true });
  });

  it("fails, not hangs, when the client goes away mid-body", async () => {
    const before = failures.length;
    await new Promise<void>((resolve) => {
      const request = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", headers: { "content-length": 100_000 } });
      request.on("error", () => resolve());
      request.write(Buffer.alloc(10_000, 0x61));
      setTimeout(() => request.destroy(), 50);
    });
    await expect.poll(() => failures.length, { timeout: 2_000 }).toBe(before + 1);
    expect(failures.at(-1)).toMatch(/aborted|closed before its body was read/);
  });
});
