"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const matches = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  // /users/security is 登录安全, not 账户与角色: the longest matching link is the current one.
  const current = items.filter((item) => matches(item.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const active = (href: string) => href === current;
  return (
    <nav aria-label="主导航" className="flex gap-1 overflow-x-auto md:flex-col">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={active(item.href) ? "page" : undefined}
          className={`rounded-md px-3 py-2 text-sm whitespace-nowrap ${active(item.href) ? "bg-brand-700 text-white" : "text-stone-700 hover:bg-stone-200"}`}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
