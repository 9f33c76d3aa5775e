// Malformed requests get a clear status and a Chinese page from the production server (scripts/server.ts and
// proxy.ts), not a 500 or a reset connection: an upload over 25 MB, a NUL byte in an attachment id, a hand-made
// action body, a 900 KB search address, a server-action post from a foreign Origin, a chunked upload without a length.
import http from "node:http";
import net from "node:net";
import { expect, test } from "./support";

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** One raw HTTP/1.1 exchange: what a browser or script would see, including a reset if the server cut it. */
function rawRequest(head: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(PORT, "127.0.0.1");
    let reply = "";
    socket.setEncoding("utf8");
    socket.on("data", (data) => {
      reply += data;
    });
    socket.on("error", reject);
    socket.on("end", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);
      resolve({ status, body: reply.slice(reply.indexOf("\r\n\r\n") + 4) });
    });
    socket.write(head);
  });
}

test("超过 25 MB 的上传得到 413 和中文说明，连接不被重置", async ({ request }) => {
  const body = Buffer.alloc(26 * 1024 * 1024, 0x41);
  const response = await request.post("/projects", {
    headers: { "next-action": "0".repeat(42), "content-type": "multipart/form-data; boundary=x" },
    data: body,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("上传的内容超过 25 MB");
});

test("不注明长度、分块发送的上传得到 411 和中文说明，连接不被重置", async () => {
  // Playwright's request always sends a Content-Length; node:http sends chunks when none is given.
  const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: "localhost",
        port: PORT,
        path: "/projects",
        method: "POST",
        headers: { "next-action": "0".repeat(42), "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on("error", reject);
    for (let i = 0; i < 30; i++) request.write(Buffer.alloc(1024 * 1024, 0x41));
    request.end();
  });
  expect(answer.status).toBe(411);
  expect(answer.text).toContain("上传请求没有注明内容长度");
});

test("附件编号中的 NUL 字节得到 400 和中文说明", async ({ request }) => {
  const response = await request.get("/projects/abc/attachments/def%00ghi");
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("请求格式不正确");
});

test("手工构造、以 $ 开头的操作请求体得到 400 和中文说明", async ({ request }) => {
  const response = await request.post("/login", {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", origin: `http://localhost:${PORT}` },
    data: "$K1:不是合法的请求",
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("请求格式不正确");
});

test("来自其他网站 Origin 的操作请求得到 403 和中文说明", async ({ request }) => {
  const response = await request.post("/login", {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", origin: "https://evil.example.com" },
    data: "[]",
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("请求来源与本系统地址不符");
});

test("过长的搜索网址：10 KB 得到 414，900 KB 得到 431，都有中文说明且连接不被重置", async ({ request }) => {
  const medium = await request.get(`/search?q=${"党".repeat(1200)}`);
  expect(medium.status()).toBe(414);
  expect(await medium.text()).toContain("请求的网址过长");
  const huge = await rawRequest(`GET /search?q=${"a".repeat(900 * 1024)} HTTP/1.1\r\nHost: localhost:${PORT}\r\n\r\n`);
  expect(huge.status).toBe(431);
  expect(huge.body).toContain("请求的网址或请求头过长");
});

test("带 Next-Action 头的 GET 请求照常经过 proxy：页面仍有带 nonce 的 CSP", async ({ request }) => {
  const response = await request.get("/login", { headers: { "next-action": "0".repeat(42) } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'/);
});
