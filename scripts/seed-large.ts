// `npm run seed:large -- [--dialogues 20] [--contributions 20000] [--supports 200000]
//   [--comments 100000] [--people 5000] [--export-contributions 50000] [--slug grossstadt] [--seed 1]`
// Adds a large municipality to the database at DATABASE_URL (or the embedded one of `npm start`),
// after applying migrations. For trying the app with realistic volumes; `npm run bench` uses the
// same generator on a database of its own (bench/README.md).
import "dotenv/config";
import { parseArgs } from "node:util";
import { DEFAULT_SIZES, seedLargeData } from "../bench/seed/seed-large-data";
import { openDevDatabase } from "../lib/db/dev-database";
import { applyMigrations } from "../lib/db/migrate";
import { parseSizes } from "../bench/seed/sizes";

const { values } = parseArgs({
  options: {
    ...Object.fromEntries(Object.keys(DEFAULT_SIZES).map((key) => [kebab(key), { type: "string" as const }])),
    slug: { type: "string", default: "grossstadt" },
    name: { type: "string", default: "Großstadt" },
    seed: { type: "string", default: "1" },
  },
});

function kebab(name: string) {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

const sizes = parseSizes(values);
const database = await openDevDatabase((message) => console.log(message));
try {
  await applyMigrations(database.url);
  console.log(`Seeding "${values.slug}": ${JSON.stringify(sizes)}`);
  const summary = await seedLargeData(database.url, { ...sizes, slug: String(values.slug), name: String(values.name), seed: Number(values.seed) }, (line) =>
    console.log(`  ${line}`),
  );
  console.log(`Done in ${summary.seconds.toFixed(1)} s. Largest dialogue: /de/${values.slug}/${summary.largestDialogue.slug}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
