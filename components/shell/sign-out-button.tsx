"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className="rounded px-2 py-1 text-sm text-stone-600 hover:bg-stone-100"
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        window.location.assign("/login?reason=signed-out");
      }}
    >
      退出
    </button>
  );
}
