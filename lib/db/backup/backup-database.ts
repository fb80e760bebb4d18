// `npm run db:backup`: the whole database in one file (docs/decisions/022-backup-and-restore.md).
// With a pg_dump at least as new as the server, its custom format; otherwise (the embedded
// PostgreSQL 18 ships no pg_dump) our own: every table read in one REPEATABLE READ snapshot,
// written as gzip'd JSON lines after a manifest, ending in a checksum line.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import pg from "pg";
import { findTool, listSequences, listTables, qualified, serverMajor, type TableEntry } from "./catalogue";

export const SNAPSHOT_FORMAT = "mitreden-snapshot";
export type BackupFormat = "pg_dump" | "snapshot";

export type Manifest = {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  createdAt: string;
  serverVersion: string;
  migrations: { name: string; checksum: string }[];
  tables: TableEntry[];
  sequences: Awaited<ReturnType<typeof listSequences>>;
};

const BATCH = 2_000;

/** Writes a backup of `url`'s database to `file`; returns the format used. Run as the owner. */
export async function backupDatabase(url: string, file: string, options: { format?: BackupFormat | "auto" } = {}): Promise<BackupFormat> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const format = options.format && options.format !== "auto" ? options.format : await chooseFormat(url);
  // Written beside and renamed at the end: a backup that stopped half-way never looks whole.
  const partial = `${file}.partial`;
  try {
    if (format === "pg_dump") runPgDump(url, partial);
    else await writeSnapshot(url, partial);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return format;
}

async function chooseFormat(url: string): Promise<BackupFormat> {
  const tool = findTool("pg_dump");
  if (!tool) return "snapshot";
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return tool.major >= (await serverMajor(client)) ? "pg_dump" : "snapshot";
  } finally {
    await client.end();
  }
}

function runPgDump(url: string, file: string): void {
  const tool = findTool("pg_dump");
  if (!tool) throw new Error("pg_dump was not found (PATH, or PG_BIN_DIR).");
  // Owners and grants are the restoring side's business (roles differ between servers).
  const result = spawnSync(tool.path, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${url}`], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pg_dump failed: ${result.stderr.trim()}`);
}

async function writeSnapshot(url: string, file: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file, { mode: 0o600 }));
  const hash = createHash("sha256");
  const write = async (line: string) => {
    hash.update(line);
    if (!gzip.write(line)) await once(gzip, "drain");
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables: TableEntry[] = [];
    for (const table of await listTables(client)) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*)::text AS count FROM ${qualified(table)}`);
      tables.push({ ...table, rows: Number(rows[0]!.count) });
    }
    const { rows: applied } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const { rows: version } = await client.query<{ server_version: string }>("SHOW server_version");
    const manifest: Manifest = {
      format: SNAPSHOT_FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      serverVersion: version[0]!.server_version,
      migrations: applied.map((row) => ({ name: row.migration_name, checksum: row.checksum })),
      tables,
      sequences: await listSequences(client),
    };
    await write(`${JSON.stringify(manifest)}\n`);
    for (const table of tables) {
      await write(`${JSON.stringify({ table: `${table.schema}.${table.name}` })}\n`);
      await client.query(`DECLARE rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${qualified(table)} t`);
      for (;;) {
        const { rows } = await client.query<{ row: string }>(`FETCH ${BATCH} FROM rows`);
        for (const { row } of rows) await write(`${row}\n`);
        if (rows.length < BATCH) break;
      }
      await client.query("CLOSE rows");
    }
    await client.query("COMMIT");
    const end = `${JSON.stringify({ end: true, sha256: hash.digest("hex") })}\n`;
    gzip.end(end);
    await once(out, "finish");
  } catch (error) {
    gzip.destroy();
    out.destroy();
    throw error;
  } finally {
    await client.end();
  }
}
