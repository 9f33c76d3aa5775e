import { describe, expect, it } from "vitest";
import { cleanFileName } from "@/lib/projects/file-names";
import { antivirusConfig, antivirusNotice } from "@/lib/security/antivirus";

describe("file names", () => {
  it("drop the right-to-left override that disguises an extension", () => {
    // "报告\u202Egpj.exe" shows as "报告exe.jpg" in a right-to-left-aware list; kept, it lies about the type.
    const name = cleanFileName("报告\u202Egpj.exe");
    expect(name).toBe("报告gpj.exe");
    expect([...name].some((c) => c.codePointAt(0) === 0x202e)).toBe(false);
  });

  it("drop every control, bidi and invisible format character, and path parts", () => {
    const hidden = [
      0x00, 0x09, 0x0a, 0x1f, 0x7f, 0x85, 0x9f, 0x061c, 0x200b, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x2060,
      0xfeff,
    ];
    const dirty = `..\\dir/方${hidden.map((c) => String.fromCodePoint(c)).join("")}案.pdf`;
    expect(cleanFileName(dirty)).toBe("方案.pdf");
    expect(cleanFileName('"引号".docx')).toBe("引号.docx");
    expect(cleanFileName("\u202E")).toBe("附件");
    expect(cleanFileName("  正常 名称（第2版）.xlsx ")).toBe("正常 名称（第2版）.xlsx");
    expect(cleanFileName(`${"长".repeat(200)}.pdf`)).toHaveLength(120);
  });
});

describe("antivirus configuration", () => {
  it("scans through the socket or host given, refuses uploads in production without one, and may be switched off only explicitly", () => {
    expect(antivirusConfig({ CLAMAV_SOCKET: "/run/clamav/clamd.ctl", DATABASE_URL: "x" })).toMatchObject({
      mode: "scan",
      target: { socket: "/run/clamav/clamd.ctl" },
    });
    expect(antivirusConfig({ CLAMAV_HOST: "10.0.0.5" })).toMatchObject({ mode: "scan", target: { host: "10.0.0.5", port: 3310 } });
    expect(antivirusConfig({ CLAMAV_HOST: "av", CLAMAV_PORT: "3311" })).toMatchObject({ target: { host: "av", port: 3311 } });
    expect(antivirusConfig({ NODE_ENV: "production" })).toEqual({ mode: "missing" });
    expect(antivirusConfig({ DATABASE_URL: "postgresql://db/x" })).toEqual({ mode: "missing" });
    expect(antivirusConfig({ NODE_ENV: "production", ANTIVIRUS: "off", CLAMAV_SOCKET: "/s" })).toEqual({ mode: "off", reason: "explicit" });
    expect(antivirusConfig({ APP_MODE: "demo" })).toEqual({ mode: "off", reason: "demo" });
    expect(antivirusNotice({ mode: "off", reason: "demo" })).toEqual({ level: "warning", text: "病毒扫描：演示环境未启用，上传的文件不做病毒扫描" });
    expect(antivirusNotice({ mode: "off", reason: "explicit" }).text).toMatch(/ANTIVIRUS=off/);
    expect(antivirusNotice({ mode: "missing" }).text).toMatch(/拒绝所有文件上传/);
  });
});
