import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { TwoFactorSetup } from "@/components/account/two-factor-setup";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const metadata: Metadata = { title: "设置双因素认证" };

/** Where an account whose role requires the second factor is sent until it has enrolled. */
export default async function TwoFactorPage() {
  const user = await requireUser({ secondFactorPage: true });
  if (!user.needsSecondFactor) redirect("/account");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-8">
      <div className="w-full max-w-md rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">设置双因素认证</h1>
        <p className="mb-4 text-sm text-stone-500">
          {user.name}（{user.username}）：您的角色须使用“密码 + 手机动态口令”登录（等级保护第三级要求），设置完成后才能使用本系统。
        </p>
        <TwoFactorSetup enrolled={false} continueHref="/" />
        <div className="mt-6 border-t border-stone-100 pt-4 text-center text-sm">
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
