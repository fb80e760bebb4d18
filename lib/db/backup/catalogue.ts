// What a backup holds, read from the database's own catalogue: every table of the schemas the
// owner made (public, pgboss, …) except the migration runner's bookkeeping, with the columns a
// restore writes (generated ones are computed again), and every sequence.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type pg from "pg";

export type TableEntry = { schema: string; name: string; columns: string[]; rows: number };
export type SequenceEntry = { schema: string; name: string; lastValue: string; isCalled: boolean };

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const qualified = (entry: { schema: string; name: string }) => `${ident(entry.schema)}.${ident(entry.name)}`;

const OWN_SCHEMAS = `n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`;
const SKIPPED = `NOT (n.nspname = 'public' AND c.relname = '_prisma_migrations')`;

/** Tables to back up; a partitioned table stands for its partitions. */
export async function listTables(client: pg.Client): Promise<Omit<TableEntry, "rows">[]> {
  const { rows } = await client.query<{ schema: string; name: string; columns: string[] }>(
    `SELECT n.nspname AS schema, c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${OWN_SCHEMAS} AND ${SKIPPED}
      GROUP BY n.nspname, c.relname
      ORDER BY n.nspname, c.relname`,
  );
  return rows;
}

export async function listSequences(client: pg.Client): Promise<SequenceEntry[]> {
  const { rows } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'S' AND ${OWN_SCHEMAS} ORDER BY 1, 2`,
  );
  const sequences: SequenceEntry[] = [];
  for (const sequence of rows) {
    const { rows: state } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${qualified(sequence)}`,
    );
    sequences.push({ ...sequence, lastValue: state[0]!.last_value, isCalled: state[0]!.is_called });
  }
  return sequences;
}

export async function serverMajor(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
  return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
}

/**
 * A PostgreSQL client tool (pg_dump, pg_restore) from PG_BIN_DIR or PATH, with its major
 * version; undefined when there is none.
 */
export function findTool(name: "pg_dump" | "pg_restore"): { path: string; major: number } | undefined {
  const command = process.env.PG_BIN_DIR ? path.join(process.env.PG_BIN_DIR, name) : name;
  const result = spawnSync(command, ["--version"], { encoding: "utf8" });
  const match = result.status === 0 ? /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout) : null;
  return match ? { path: command, major: Number(match[1]) } : undefined;
}
