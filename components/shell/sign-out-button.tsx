"use client";

import { useState } from "react";

/**
 * next-auth's own sign-out, by hand: its CSRF token, then a form POST to /api/auth/signout, which ends the
 * session row and clears the cookie. Importing `signOut` from next-auth/react put about 12 kB of compressed
 * script (the client and its Babel helpers) on every page of the app for this one button (issue 17's 150 kB).
 */
async function signOut() {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
  });
  if (!response.ok) throw new Error(`sign-out answered ${response.status}`);
}

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className="rounded px-2 py-1 text-sm text-stone-600 hover:bg-stone-100"
        onClick={async () => {
          setPending(true);
          setFailed(false);
          try {
            await signOut();
            window.location.assign("/login?reason=signed-out");
          } catch {
            // Still signed in: say so, rather than show the sign-in page over a live session.
            setPending(false);
            setFailed(true);
          }
        }}
      >
        退出
      </button>
      {failed && (
        <span role="alert" className="text-xs text-red-600">
          退出失败，请检查网络后重试
        </span>
      )}
    </>
  );
}
