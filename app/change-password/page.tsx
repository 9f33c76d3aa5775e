import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { OwnEmailForm } from "@/components/account/email-form";
import { smtpConfigured } from "@/lib/email/config";
import { ownEmail } from "@/lib/account/queries";

export const metadata: Metadata = { title: "修改密码" };

export default async function ChangePasswordPage() {
  const user = await requireUser({ passwordChangePage: true });
  const own = user.mustChangePassword ? null : await ownEmail(user.id);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">修改密码</h1>
        <p className="mb-4 text-sm text-stone-500">
          {user.name}（{user.username}）
        </p>
        <ChangePasswordForm forced={user.mustChangePassword} />
        {own && (
          <div className="mt-6 border-t border-stone-200 pt-4">
            <OwnEmailForm email={own.email} smtp={smtpConfigured()} />
          </div>
        )}
        {!user.mustChangePassword && (
          <Link href="/" className="link mt-4 block text-center text-sm">
            返回首页
          </Link>
        )}
      </div>
    </main>
  );
}
