import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "创新项目管理平台", template: "%s · 创新项目管理平台" },
  description: "组织工作改革创新项目管理：参考选题、申报、听证审定、季度督查、评比表彰",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
