// `npm run db:restore -- <file>`: a backup of either format into an empty database
// (docs/decisions/022-backup-and-restore.md). A snapshot is restored by applying the migrations
// it was taken at, then loading every table in one transaction with foreign keys and user
// triggers off — the way pg_restore does it, and as the owner, no superuser needed — and checking
// each table's row count against the manifest. The migrations added since apply on the next start.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, openSync, readSync, closeSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { applyMigrations, readMigrations } from "../migrate";
import { SNAPSHOT_FORMAT, type Manifest } from "./backup-database";
import { findTool, ident, qualified } from "./catalogue";

const BATCH = 1_000;

export class RestoreError extends Error {}

/** Restores `file` into the (empty) database of `url`, as its owner. */
export async function restoreDatabase(url: string, file: string): Promise<{ format: "pg_dump" | "snapshot"; rows: number }> {
  await refuseNonEmpty(url);
  if (isPgDumpArchive(file)) {
    const tool = findTool("pg_restore");
    if (!tool) throw new RestoreError("This backup was written by pg_dump: pg_restore is needed (PATH, or PG_BIN_DIR).");
    const result = spawnSync(tool.path, ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${url}`, file], { encoding: "utf8" });
    if (result.status !== 0) throw new RestoreError(`pg_restore failed: ${result.stderr.trim()}`);
    return { format: "pg_dump", rows: -1 };
  }
  return { format: "snapshot", rows: await restoreSnapshot(url, file) };
}

function isPgDumpArchive(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    return head.toString("latin1") === "PGDMP";
  } finally {
    closeSync(fd);
  }
}

async function refuseNonEmpty(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`,
    );
    if (rows[0]!.count > 0) {
      throw new RestoreError("The database is not empty: restore into a fresh one (npm run db:restore -- --replace <file> drops and recreates it).");
    }
  } finally {
    await client.end();
  }
}

async function restoreSnapshot(url: string, file: string): Promise<number> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const hash = createHash("sha256");
  const next = async (): Promise<string | undefined> => {
    const { value, done } = await lines.next();
    return done ? undefined : value;
  };
  const first = await next();
  const manifest = JSON.parse(first ?? "{}") as Manifest;
  if (manifest.format !== SNAPSHOT_FORMAT || manifest.version !== 1) throw new RestoreError(`${file} is not a mitreden backup.`);
  hash.update(`${first}\n`);

  const known = new Map(readMigrations().map((migration) => [migration.name, migration]));
  const migrations = manifest.migrations.map(({ name, checksum }) => {
    const migration = known.get(name);
    if (!migration) throw new RestoreError(`The backup was taken at migration ${name}, which this checkout does not have: restore with the version of mitreden that wrote it.`);
    if (migration.checksum !== checksum) throw new RestoreError(`Migration ${name} differs from the one the backup was taken at.`);
    return migration;
  });
  await applyMigrations(url, migrations);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let total = 0;
  try {
    await client.query("BEGIN");
    const tables = new Map(manifest.tables.map((table) => [`${table.schema}.${table.name}`, table]));
    const { rows: foreignKeys } = await client.query<{ tbl: string; name: string; definition: string }>(
      `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE contype = 'f' AND conparentid = 0
          AND connamespace IN (SELECT oid FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema')`,
    );
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${ident(fk.name)}`);
    for (const table of tables.values()) {
      await client.query(`ALTER TABLE ${qualified(table)} DISABLE TRIGGER USER`);
      // Rows some migrations insert (pg-boss' version) come back from the backup.
      await client.query(`TRUNCATE ${qualified(table)}`);
    }

    let current: Manifest["tables"][number] | undefined;
    let batch: string[] = [];
    const counts = new Map<string, number>();
    const flush = async () => {
      if (!current || batch.length === 0) return;
      const columns = current.columns.map(ident).join(", ");
      await client.query(
        `INSERT INTO ${qualified(current)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM json_populate_recordset(NULL::${qualified(current)}, $1::json)`,
        [`[${batch.join(",")}]`],
      );
      counts.set(`${current.schema}.${current.name}`, (counts.get(`${current.schema}.${current.name}`) ?? 0) + batch.length);
      total += batch.length;
      batch = [];
    };
    let ended = false;
    for (let line = await next(); line !== undefined; line = await next()) {
      if (line.startsWith('{"end":')) {
        const { sha256 } = JSON.parse(line) as { sha256: string };
        if (sha256 !== hash.digest("hex")) throw new RestoreError(`${file} is damaged (checksum mismatch).`);
        ended = true;
        break;
      }
      hash.update(`${line}\n`);
      if (line.startsWith('{"table":')) {
        await flush();
        const name = (JSON.parse(line) as { table: string }).table;
        current = tables.get(name);
        if (!current) throw new RestoreError(`${file} holds table ${name}, which its manifest does not list.`);
        continue;
      }
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (!ended) throw new RestoreError(`${file} ends early: the backup is incomplete.`);
    for (const table of tables.values()) {
      const restored = counts.get(`${table.schema}.${table.name}`) ?? 0;
      if (restored !== table.rows) throw new RestoreError(`${table.schema}.${table.name}: ${restored} rows restored, the backup lists ${table.rows}.`);
    }
    for (const sequence of manifest.sequences) {
      await client.query(`SELECT setval($1, $2::bigint, $3)`, [qualified(sequence), sequence.lastValue, sequence.isCalled]);
    }
    for (const table of tables.values()) await client.query(`ALTER TABLE ${qualified(table)} ENABLE TRIGGER USER`);
    // Added back, so each is checked against every restored row.
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return total;
}
