// `npm run db:backup` / `db:restore` (issue 12, operations): a backup restored into a fresh
// database gives back every row of every table — in both formats — with the database's rules
// (triggers, foreign keys) in force again; a damaged or cut-off backup is refused. The pg_dump
// format runs where a pg_dump at least as new as the test server is installed (CI: Debian's).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase, type BackupFormat } from "@/lib/db/backup/backup-database";
import { findTool, listTables, qualified, serverMajor as serverVersion } from "@/lib/db/backup/catalogue";
import { restoreDatabase } from "@/lib/db/backup/restore-database";
import { createScratchDatabase } from "@/lib/db/databases";
import { runSeed } from "@/prisma/seed";

const serverUrl = inject("dbServerUrl");
const sourceUrl = process.env.DATABASE_URL!;
const dir = mkdtempSync(path.join(tmpdir(), "mitreden-backup-"));
const scratch: { drop: () => Promise<void> }[] = [];

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Every table's rows (all columns, generated ones too), and every sequence, as comparable text. */
function contents(url: string) {
  return withClient(url, async (client) => {
    const tables: Record<string, { rows: number; digest: string }> = {};
    for (const table of await listTables(client)) {
      const { rows } = await client.query<{ rows: number; digest: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text), '')) AS digest FROM ${qualified(table)} t`,
      );
      tables[`${table.schema}.${table.name}`] = rows[0]!;
    }
    const { rows: rules } = await client.query<{ kind: string; count: number }>(
      `SELECT contype::text AS kind, count(*)::int AS count FROM pg_constraint WHERE connamespace = 'public'::regnamespace GROUP BY 1
       UNION ALL SELECT 'enabled trigger', count(*)::int FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'O'
       ORDER BY 1`,
    );
    return { tables, rules };
  });
}

async function freshDatabase(): Promise<string> {
  const database = await createScratchDatabase(serverUrl, "mitreden_restore");
  scratch.push(database);
  return database.url;
}

beforeAll(async () => {
  await runSeed(sourceUrl);
});

afterAll(async () => {
  for (const database of scratch) await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

const pgDump = findTool("pg_dump");
const serverMajor = await withClient(serverUrl, (client) => serverVersion(client));
const formats: BackupFormat[] = pgDump && pgDump.major >= serverMajor && findTool("pg_restore") ? ["snapshot", "pg_dump"] : ["snapshot"];

describe.each(formats)("a %s backup", (format) => {
  it("restored into a fresh database holds every row of every table, with triggers and keys in force", async () => {
    const file = path.join(dir, `every-row.${format}`);
    expect(await backupDatabase(sourceUrl, file, { format })).toBe(format);
    const target = await freshDatabase();
    await restoreDatabase(target, file);

    const before = await contents(sourceUrl);
    const after = await contents(target);
    expect(Object.keys(after.tables).sort()).toEqual(Object.keys(before.tables).sort());
    expect(before.tables["public.ModerationAction"]!.rows).toBeGreaterThan(0);
    expect(before.tables["public.Response"]!.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);

    await expect(withClient(target, (client) => client.query(`DELETE FROM "ModerationAction"`))).rejects.toThrow(/moderation_action_append_only/);
  });

  it("is refused by a database that is not empty", async () => {
    const file = path.join(dir, `not-empty.${format}`);
    await backupDatabase(sourceUrl, file, { format });
    await expect(restoreDatabase(sourceUrl, file)).rejects.toThrow(/not empty/);
  });
});

describe("a snapshot backup", () => {
  it("that was cut off is refused, and nothing is loaded", async () => {
    const file = path.join(dir, "cut.snapshot");
    await backupDatabase(sourceUrl, file, { format: "snapshot" });
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    writeFileSync(file, gzipSync(text.slice(0, text.lastIndexOf('{"end":'))));
    const target = await freshDatabase();
    await expect(restoreDatabase(target, file)).rejects.toThrow(/ends early/);
    const { tables } = await contents(target);
    expect([tables["public.Municipality"]!.rows, tables["public.ModerationAction"]!.rows]).toEqual([0, 0]);
  });

  it("whose rows were changed is refused (checksum)", async () => {
    const file = path.join(dir, "changed.snapshot");
    await backupDatabase(sourceUrl, file, { format: "snapshot" });
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    writeFileSync(file, gzipSync(text.replace("Musterstadt", "Musterdorf")));
    await expect(restoreDatabase(await freshDatabase(), file)).rejects.toThrow(/damaged/);
  });
});
