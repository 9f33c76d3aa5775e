"use client";
// The root layout itself failed: this replaces it, so it brings its own <html> and plain styles.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0 }}>
        <main style={{ maxWidth: "28rem", margin: "4rem auto", padding: "0 1rem", textAlign: "center" }} role="alert">
          <h1 style={{ fontSize: "1.25rem" }}>系统出错了</h1>
          <p style={{ color: "#57534e" }}>系统处理时出现问题，已记录在服务器日志中。请稍后重试；如果反复出现，请联系管理员并告知下面的错误编号。</p>
          {error.digest ? (
            <p>
              错误编号：<code>{error.digest}</code>
            </p>
          ) : null}
          <p>
            <button type="button" onClick={() => reset()}>
              重试
            </button>{" "}
            <a href="/">返回首页</a>
          </p>
        </main>
      </body>
    </html>
  );
}
