"use client";

import { useState } from "react";
import { signOut } from "@/components/auth/next-auth-client";

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
