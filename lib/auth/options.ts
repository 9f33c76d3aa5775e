import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "@/lib/validation";
import { SIGN_IN_ERRORS, SignInError, signInWithCode, signInWithPassword } from "@/lib/auth/sign-in";
import { endSession } from "@/lib/auth/session-store";
import { clientIp } from "@/lib/auth/request-meta";

// The password step, or the code step with the token the password step returned.
const credentialsSchema = z.union([
  z.object({ token: z.string().min(20).max(100), code: z.string().trim().min(1).max(20) }),
  z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
]);

// The JWT carries only the id of a server-side session row (lib/auth/session-store.ts).
const ABSOLUTE_MAX_AGE = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: ABSOLUTE_MAX_AGE },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: {
        username: { label: "用户名", type: "text" },
        password: { label: "密码", type: "password" },
        token: { label: "", type: "hidden" },
        code: { label: "动态口令", type: "text" },
      },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(SIGN_IN_ERRORS.INVALID);
        const header = (name: string) => {
          const value = req.headers?.[name];
          return Array.isArray(value) ? value[0] : (value as string | undefined);
        };
        const meta = { ip: clientIp(header), userAgent: header("user-agent") ?? null };
        try {
          if ("token" in parsed.data) {
            const { userId, sessionId } = await signInWithCode({ ...parsed.data, ...meta });
            return { id: userId, sid: sessionId };
          }
          const result = await signInWithPassword({ ...parsed.data, ...meta });
          if (result.kind === "second-factor") throw new SignInError(`${SIGN_IN_ERRORS.SECOND_FACTOR}:${result.token}`);
          return { id: result.userId, sid: result.sessionId };
        } catch (error) {
          if (error instanceof SignInError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sid = (user as { sid?: string }).sid;
      return token;
    },
    session({ session }) {
      // Nothing about the user reaches the browser through next-auth; pages render it on the server.
      return { expires: session.expires };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid);
    },
  },
};
