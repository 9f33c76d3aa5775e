import { describe, expect, it } from "vitest";
import { MAX_URL_LENGTH, refusalPage, requestProblem } from "@/lib/security/request-guard";

const HOST = "cxxm.example.gov.cn";
function req(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const headers = new Headers({ host: HOST, ...init.headers });
  return { method: init.method ?? "GET", url: `https://${HOST}${url}`, headers, text: async () => init.body ?? "" };
}
const action = (headers: Record<string, string>, body = "[]") =>
  req("/projects", { method: "POST", headers: { "next-action": "a".repeat(42), "content-type": "text/plain;charset=UTF-8", ...headers }, body });

describe("requests refused before Next.js", () => {
  it("lets ordinary pages, searches and well-formed same-origin actions through", async () => {
    expect(await requestProblem(req("/search?q=党建"))).toBeNull();
    expect(await requestProblem(req("/projects/clx0abc123/attachments/clx0def456"))).toBeNull();
    expect(await requestProblem(action({ origin: `https://${HOST}` }, '[{"id":"x","note":"$undefined"}]'))).toBeNull();
    expect(await requestProblem(action({ origin: "https://proxy.example", "x-forwarded-host": "proxy.example" }))).toBeNull();
    // Files travel as multipart and are not read here.
    expect(await requestProblem(action({ origin: `https://${HOST}`, "content-type": "multipart/form-data; boundary=x" }, "$not json"))).toBeNull();
  });

  it("answers an over-long address with 414 and a NUL byte or control character in the path with 400", async () => {
    expect(await requestProblem(req(`/search?q=${"a".repeat(MAX_URL_LENGTH)}`))).toBe(414);
    expect(await requestProblem(req("/projects/abc/attachments/def%00"))).toBe(400);
    expect(await requestProblem(req("/projects/abc%0d%0a"))).toBe(400);
    expect(await requestProblem(req("/projects/abc%7F"))).toBe(400);
  });

  it("refuses a server-action post from a foreign or opaque Origin with 403, and a body that is not JSON with 400", async () => {
    expect(await requestProblem(action({ origin: "https://evil.example.com" }))).toBe(403);
    expect(await requestProblem(action({ origin: `http://${HOST}:8080` }))).toBe(403);
    expect(await requestProblem(action({ origin: "null" }))).toBe(403);
    expect(await requestProblem(action({ origin: "not a url" }))).toBe(403);
    expect(await requestProblem(action({ origin: `https://${HOST}` }, "$K1"))).toBe(400);
    expect(await requestProblem(action({ origin: `https://${HOST}` }, ""))).toBe(400);
  });

  it("says what went wrong in Chinese", () => {
    expect(refusalPage(413)).toContain("上传的内容超过 25 MB");
    expect(refusalPage(431)).toContain('<meta charset="utf-8">');
    expect(refusalPage(403)).toContain("请求来源与本系统地址不符");
  });
});
