// Only the migration CLI uses this. @prisma/adapter-pg 6.19 cannot read PostgreSQL's
// catalog column types (name, "char", oid aliases …) that the WASM schema engine queries
// (prisma/orm#27403), so results are relabelled as text / text[] before the adapter sees them.
import pg from "pg";

const TEXT = 25;
const TEXT_ARRAY = 1009;
const AS_TEXT = new Set([18, 19, 22, 24, 30, 194, 1033, 2205, 3734]);
const AS_TEXT_ARRAY = new Set([1002, 1003]);
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY as never) as (value: string) => unknown;

type Field = { dataTypeID: number };
type Result = { fields?: Field[]; rows?: unknown[] };

function relabel(result: Result | Result[] | undefined) {
  if (!result) return result;
  for (const one of Array.isArray(result) ? result : [result]) {
    one.fields?.forEach((field, index) => {
      if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT;
      else if (AS_TEXT_ARRAY.has(field.dataTypeID)) {
        field.dataTypeID = TEXT_ARRAY;
        for (const row of one.rows ?? []) {
          const record = row as Record<string | number, unknown>;
          const key = Array.isArray(row) ? index : (one.fields as unknown as { name: string }[])[index].name;
          if (typeof record[key] === "string") record[key] = parseTextArray(record[key] as string);
        }
      }
    });
  }
  return result;
}

// PostgreSQL 18 records NOT NULL as pg_constraint rows of contype 'n'. The 6.19 schema describer asks for
// every constraint that is not p/u/f, expects only checks and exclusions, and panics ("unreachable") on 'n':
// it broke `db pull` and `migrate diff` against a live database. NOT NULL is read from the columns anyway.
const CONSTRAINTS_QUERY = "contype NOT IN ('p', 'u', 'f')";
const CONSTRAINTS_QUERY_PG18 = "contype NOT IN ('p', 'u', 'f', 'n')";

function rewrite(args: unknown[]) {
  const [first] = args;
  if (typeof first === "string" && first.includes(CONSTRAINTS_QUERY)) {
    args[0] = first.replace(CONSTRAINTS_QUERY, CONSTRAINTS_QUERY_PG18);
  } else if (first && typeof first === "object" && typeof (first as { text?: unknown }).text === "string") {
    const query = first as { text: string };
    if (query.text.includes(CONSTRAINTS_QUERY)) args[0] = { ...query, text: query.text.replace(CONSTRAINTS_QUERY, CONSTRAINTS_QUERY_PG18) };
  }
}

export class CatalogTypesClient extends pg.Client {
  // pg.Pool calls query with a callback; the adapter awaits a promise. Both are wrapped.
  query(...args: unknown[]): never {
    rewrite(args);
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (error: unknown, result?: Result) => void;
      args[args.length - 1] = (error: unknown, result?: Result) => callback(error, relabel(result) as Result);
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (returned && typeof (returned as Promise<Result>).then === "function") {
      return (returned as Promise<Result>).then((result) => relabel(result)) as never;
    }
    return returned as never;
  }
}
