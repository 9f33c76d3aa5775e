import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "登录" };

const NOTICES: Record<string, string> = {
  "signed-out": "您已安全退出。",
  expired: "登录已过期，请重新登录。",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const { reason } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h1 className="text-center text-xl font-semibold text-brand-800">创新项目管理平台</h1>
        <p className="mb-6 mt-1 text-center text-sm text-stone-500">组织工作改革创新项目管理</p>
        <LoginForm notice={reason ? NOTICES[reason] : undefined} />
        <p className="mt-6 border-t border-stone-100 pt-4 text-center text-sm text-stone-600">
          无需账号也可以
          <Link href="/suggest" className="link mx-1">
            建言献策
          </Link>
          或
          <Link href="/suggest/lookup" className="link mx-1">
            查询答复
          </Link>
          ，查看
          <Link href="/announcements" className="link mx-1">
            公示公告
          </Link>
        </p>
      </div>
    </main>
  );
}
