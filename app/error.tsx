"use client";
// A page that failed on the server: the details are in the server's log under this reference (the digest,
// logged with the request id by instrumentation.ts); the user gets a way on and something to quote.

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center" role="alert">
      <h1 className="text-xl font-semibold">页面出错了</h1>
      <p className="mt-2 text-stone-600">系统处理时出现问题，已记录在服务器日志中。请稍后重试；如果反复出现，请联系管理员并告知下面的错误编号。</p>
      {error.digest ? (
        <p className="mt-3 text-sm">
          错误编号：
          <code className="rounded bg-stone-100 px-1 font-mono" data-testid="error-reference">
            {error.digest}
          </code>
        </p>
      ) : null}
      <div className="mt-4 flex justify-center gap-4">
        <button type="button" className="link" onClick={() => reset()}>
          重试
        </button>
        {/* A plain link: a full load of the home page starts clean after an error, and next/link would add its
            3 kB of script to every page's first load (this boundary is part of each). */}
        <a href="/" className="link">
          返回首页
        </a>
      </div>
    </main>
  );
}
