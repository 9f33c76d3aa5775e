import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">页面不存在</h1>
      <p className="mt-2 text-stone-600">该页面或记录不存在，或您无权查看。</p>
      <Link href="/" className="link mt-4 inline-block">
        返回首页
      </Link>
    </main>
  );
}
