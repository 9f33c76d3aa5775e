import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";

// One client per process, created on first use so that tests can point DATABASE_URL
// at their own database before anything touches it.
// The pool beside it: Prisma's adapter runs on it, and so do the statements of sqlQuery. Both on globalThis, as Next
// bundles this module into several chunks (server components, actions, instrumentation), each with its own copy.
const holder = globalThis as unknown as { prisma?: PrismaClient; prismaPool?: { client: PrismaClient; pool: pg.Pool } };

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
    // The pool is made here rather than by the adapter so that sqlQuery shares it (one pool, one size per process);
    // the adapter still ends it on $disconnect.
    const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 20_000 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { onPoolError: onError, onConnectionError: onError, disposeExternalPool: true }) });
    holder.prismaPool = { client: prisma, pool };
    holder.prisma = prisma;
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

/** Runs one statement and returns its rows: sqlQuery on the pool, or a transaction's own $queryRaw (see viaTx). */
export type RunSql = <T>(query: Prisma.Sql) => Promise<T[]>;

/**
 * One statement straight through pg on Prisma's own pool, for the few statements of the hottest paths (the session
 * read of every request, the score save): Prisma compiles every call, $queryRaw included, through its WebAssembly
 * query compiler, about a third of a score save's CPU (decision 0113). The statement is a Prisma.sql template, so it
 * is written, composed and parameterised exactly like a $queryRaw one. pg's own parsers read the rows: timestamptz
 * as Date, int4 and float8 as number, jsonb parsed, text[] as an array — but int8 (count(*)) and numeric as
 * strings, so such columns are cast in the statement. Outside a transaction: one statement is atomic by itself.
 */
export const sqlQuery: RunSql = async <T>(query: Prisma.Sql) => {
  const prisma = client();
  // The pool made with this client (a test that swapped the client made a new pair).
  if (holder.prismaPool?.client !== prisma) throw new Error("database pool missing");
  const text = query.text;
  const result = await holder.prismaPool.pool.query({ name: statementName(text), text, values: query.values });
  return result.rows as T[];
};

const statementNames = new Map<string, string | undefined>();
/** Beyond this many statement texts, the rest run unprepared (a statement built with a varying number of parts). */
const MAX_PREPARED = 200;

/**
 * A named (prepared) statement per text: each connection parses and plans it once, then only binds and executes it.
 * The session read joins five tables and the score context six; planning them was a good part of PostgreSQL's time
 * per request. The name is the text's hash, so one name never stands for two texts.
 */
function statementName(text: string): string | undefined {
  if (statementNames.has(text)) return statementNames.get(text);
  const name = statementNames.size < MAX_PREPARED ? `q${createHash("sha256").update(text).digest("hex").slice(0, 32)}` : undefined;
  statementNames.set(text, name);
  return name;
}

/** The same statements inside a Prisma transaction (the demo's seed, tests holding a transaction open). */
export const viaTx =
  (tx: DbOrTx): RunSql =>
  <T>(query: Prisma.Sql) =>
    tx.$queryRaw<T[]>(query);
