"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const active = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
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
