import Link from "next/link";
import { headers } from "next/headers";

export default async function NotFound() {
  // The request id (scripts/server.ts) lets the helpdesk find this request in the log.
  const requestId = (await headers()).get("x-request-id");
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">页面不存在</h1>
      <p className="mt-2 text-stone-600">该页面或记录不存在，或您无权查看。</p>
      {requestId ? <p className="mt-3 text-xs text-stone-500">请求编号：{requestId}</p> : null}
      <Link href="/" className="link mt-4 inline-block">
        返回首页
      </Link>
    </main>
  );
}
