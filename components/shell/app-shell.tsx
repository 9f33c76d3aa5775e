import Link from "next/link";
import type { ReactNode } from "react";
import type { CurrentUser } from "@/lib/auth/session-store";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { navigationFor } from "@/lib/navigation";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { HeaderSearch } from "@/components/search/header-search";
import { can } from "@/lib/auth/permissions";

export function AppShell({ user, unread, children }: { user: CurrentUser; unread: number; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-stone-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-brand-800">
            创新项目管理平台
          </Link>
          <div className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
            <span data-testid="current-user">
              {user.name} · {user.unit.fullName} · {user.roles.map((role) => ROLE_LABELS[role]).join("、")}
            </span>
            {(["projects.view", "topics.view", "suggestions.view", "cases.view"] as const).some((permission) => can(user.roles, permission)) && (
              <HeaderSearch />
            )}
            <Link href="/notifications" className="rounded px-2 py-1 hover:bg-stone-100" aria-label={unread > 0 ? `通知，${unread} 条未读` : "通知"}>
              通知
              {unread > 0 && (
                <span data-testid="unread-count" className="ml-1 rounded-full bg-brand-700 px-1.5 py-0.5 text-xs font-medium text-white">
                  {unread > 99 ? "99+" : unread}
                </span>
              )}
            </Link>
            <Link href="/change-password" className="rounded px-2 py-1 hover:bg-stone-100">
              修改密码
            </Link>
            <Link href="/account" className="rounded px-2 py-1 hover:bg-stone-100">
              账户安全
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-4 md:flex-row">
        <aside className="md:w-44 md:shrink-0 print:hidden">
          <NavLinks items={navigationFor(user.roles).map(({ href, label }) => ({ href, label }))} />
        </aside>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
