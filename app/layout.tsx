import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { runMode } from "@/lib/config/mode";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "创新项目管理平台", template: "%s · 创新项目管理平台" },
  description: "组织工作改革创新项目管理：参考选题、申报、听证审定、季度督查、评比表彰",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Read per request: every page renders dynamically, so Next.js can put the CSP nonce (proxy.ts) on its scripts.
  await headers();
  const demo = runMode() === "demo";
  return (
    <html lang="zh-CN">
      <body>
        {demo ? (
          <div className="bg-amber-100 px-3 py-0.5 text-center text-xs text-amber-900" role="note" data-testid="demo-banner">
            演示环境：数据为虚构的示例县，请勿录入真实信息
          </div>
        ) : null}
        {children}
      </body>
    </html>
  );
}
