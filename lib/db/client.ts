import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";

// One client per process, created on first use so that tests can point DATABASE_URL
// at their own database before anything touches it.
const holder = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  if (!holder.prisma) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    // DATABASE_POOL_SIZE per process: with N processes the server needs N × this many connections.
    const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    // pg's pool applies this timeout to a request queued for a free connection as well as to a new one: on scoring
    // day hundreds of saves queue at once, so it matches the transactions' own maxWait (20 s, lib/hearings/scores.ts).
    // A stopped database still fails at once (connection refused), and the database watch answers 503 meanwhile.
    // A connection that dies (the server restarted: 57P01, ECONNRESET) is dropped from the pool, never reused, and
    // the next request opens a new one: the pool heals by itself once the database is back. Its error is logged
    // here; without a listener an idle connection's error would end the process.
    const onError = (error: Error) => logger.warn({ err: error }, "database connection lost");
    holder.prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString, max, connectionTimeoutMillis: 20_000 }, { onPoolError: onError, onConnectionError: onError }),
    });
  }
  return holder.prisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = PrismaClient | Tx;
