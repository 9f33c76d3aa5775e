// next-auth's two browser calls, by hand: the CSRF token, then a form POST to the credentials callback or to
// sign-out, as next-auth/react's signIn and signOut send them. Importing next-auth/react put about 12 kB of
// compressed script (its client and Babel's helpers) on the pages that only needed these (issue 17's 150 kB).
// The protocol is next-auth v4's (docs/decisions/0024-next-auth-client-by-hand.md).

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf");
  if (!response.ok) throw new Error(`csrf answered ${response.status}`);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Signs in with the credentials provider; `error` is next-auth's error code (ours carry a value after a colon). */
export async function signInWithCredentials(fields: Record<string, string>): Promise<{ ok: boolean; error: string | null }> {
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), callbackUrl: window.location.href, json: "true" }),
  });
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  const error = data.url ? new URL(data.url, window.location.href).searchParams.get("error") : "Unknown";
  return { ok: response.ok && !error, error };
}

/** Ends the session (its row and the cookie). Throws when the server did not confirm it. */
export async function signOut(): Promise<void> {
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl: "/login", json: "true" }),
  });
  if (!response.ok) throw new Error(`sign-out answered ${response.status}`);
}
