import Link from "next/link";

// The public pages: reachable without an account, on any phone.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <Link href="/suggest" className="text-lg font-semibold text-brand-800">
            建言献策
          </Link>
          <nav className="flex gap-3 text-sm">
            <Link href="/suggest/lookup" className="link">
              查询答复
            </Link>
            <Link href="/announcements" className="link">
              公示公告
            </Link>
            <Link href="/" className="link">
              登录平台
            </Link>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
    </div>
  );
}
