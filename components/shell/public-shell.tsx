import Link from "next/link";
import type { ReactNode } from "react";

/** The frame of the public pages (建言献策, 公示公告): reachable without an account, on any phone. */
export function PublicShell({
  home,
  links,
  children,
}: {
  home: { href: string; label: string };
  links: { href: string; label: string }[];
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-stone-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <Link href={home.href} className="text-lg font-semibold text-brand-800">
            {home.label}
          </Link>
          <nav aria-label="公开页面" className="flex gap-3 text-sm">
            {[...links, { href: "/", label: "登录平台" }].map((link) => (
              <Link key={link.href} href={link.href} className="link">
                {link.label}
              </Link>
            ))}
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-2 py-4 sm:px-4 sm:py-6">{children}</main>
    </div>
  );
}
