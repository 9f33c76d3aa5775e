import Link from "next/link";

// 公示 pages are public like 建言献策: anyone, without an account, on any phone.
export default function AnnouncementsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-stone-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <Link href="/announcements" className="text-lg font-semibold text-brand-800">
            公示公告
          </Link>
          <nav aria-label="公开页面" className="flex gap-3 text-sm">
            <Link href="/suggest" className="link">
              建言献策
            </Link>
            <Link href="/" className="link">
              登录平台
            </Link>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-2 py-4 sm:px-4 sm:py-6">{children}</main>
    </div>
  );
}
