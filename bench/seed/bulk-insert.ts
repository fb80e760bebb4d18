// Many rows per statement: one array parameter per column, expanded by unnest(), so a batch of
// thousands of rows is a single round trip and never meets Postgres's limit of 65,535
// parameters. Triggers and CHECK constraints still run on every row.
import type pg from "pg";

/** A column and its Postgres type (`uuid`, `text`, `"Perspective"`, `timestamp(3)`, …). */
export type Column = readonly [name: string, pgType: string];

export async function insertMany(
  client: pg.ClientBase,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly unknown[])[],
  batchSize = 5000,
): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await client.query(
      sql,
      columns.map((_, index) => batch.map((row) => toParameter(row[index]))),
    );
  }
}

// Timestamps as UTC ISO strings: the columns are `timestamp` without zone holding UTC (as Prisma
// writes them), and pg would otherwise send dates in the process's local zone.
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}
