import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "@/lib/validation";
import { SIGN_IN_ERRORS, SignInError, signInWithPassword } from "@/lib/auth/sign-in";
import { endSession } from "@/lib/auth/session-store";
import { clientIp } from "@/lib/auth/request-meta";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

// The JWT carries only the id of a server-side session row (lib/auth/session-store.ts).
const ABSOLUTE_MAX_AGE = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: ABSOLUTE_MAX_AGE },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: { username: { label: "用户名", type: "text" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(SIGN_IN_ERRORS.INVALID);
        const header = (name: string) => {
          const value = req.headers?.[name];
          return Array.isArray(value) ? value[0] : (value as string | undefined);
        };
        try {
          const { userId, sessionId } = await signInWithPassword({
            ...parsed.data,
            ip: clientIp(header),
            userAgent: header("user-agent") ?? null,
          });
          return { id: userId, sid: sessionId };
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
