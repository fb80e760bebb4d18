// `npm run db:backup [-- <file>] [--format=pg_dump|snapshot]`: a backup of the database
// (MIGRATION_DATABASE_URL, else DATABASE_URL, else the embedded one) into one file, by default
// .data/backups/mitreden-<time>.backup. docs/decisions/022-backup-and-restore.md.
import "dotenv/config";
import path from "node:path";
import { backupDatabase, type BackupFormat } from "../lib/db/backup/backup-database";
import { openDevDatabase } from "../lib/db/dev-database";
import { PROJECT_ROOT } from "../lib/db/embedded";

const args = process.argv.slice(2);
const format = (args.find((arg) => arg.startsWith("--format="))?.slice("--format=".length) ?? "auto") as BackupFormat | "auto";
if (!["auto", "pg_dump", "snapshot"].includes(format)) {
  console.error(`Unknown --format=${format}: use pg_dump or snapshot.`);
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const file = path.resolve(args.find((arg) => !arg.startsWith("--")) ?? path.join(PROJECT_ROOT, ".data/backups", `mitreden-${stamp}.backup`));

const database = await openDevDatabase((message) => console.log(message));
try {
  const used = await backupDatabase(database.url, file, { format });
  console.log(`Backup written (${used === "pg_dump" ? "pg_dump custom format" : "mitreden snapshot"}): ${file}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
