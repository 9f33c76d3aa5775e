import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">无权访问</h1>
      <p className="mt-2 text-stone-600">您的账户没有使用该功能的权限。如需开通，请联系安全管理员。</p>
      <Link href="/" className="link mt-4 inline-block">
        返回首页
      </Link>
    </main>
  );
}
