// The bench's databases: a seeded template per size (kept between runs, re-seeded when the sizes
// or the migrations change; a marker table says what it holds), and a fresh clone of it for each
// run, so the writes of one run (supports, comments) never shift the next one's numbers.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { createDatabase, databaseExists, dropDatabase, onServer, withDatabase } from "../../lib/db/databases";
import { PROJECT_ROOT, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations, readMigrations } from "../../lib/db/migrate";
import { seedLargeData, type LargeDataSizes, type LargeDataSummary } from "../seed/seed-large-data";

export const BENCH_SLUG = "grossstadt";
const MARKER = "_bench_large_data";

export type BenchServer = { serverUrl: string; embedded: boolean; stop: () => Promise<void> };

/** BENCH_DATABASE_URL, else TEST_DATABASE_URL (any database on the server), else an embedded PostgreSQL. */
export async function openBenchServer(log: (line: string) => void): Promise<BenchServer> {
  const external = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (external) return { serverUrl: external, embedded: false, stop: async () => {} };
  const port = Number(process.env.BENCH_EMBEDDED_PG_PORT ?? 54331);
  log(`no BENCH_DATABASE_URL: embedded PostgreSQL in .data/postgres-bench on port ${port}`);
  const server = await startEmbeddedPostgres({ dir: path.join(PROJECT_ROOT, ".data/postgres-bench"), port });
  return { serverUrl: server.url, embedded: true, stop: server.stop };
}

type Marker = { sizes: LargeDataSizes; seed: number; migrations: string; summary: LargeDataSummary };

/** A template database holding the large municipality at `sizes`; seeds it when missing or different. */
export async function ensureSeededTemplate(serverUrl: string, name: string, sizes: LargeDataSizes, log: (line: string) => void): Promise<Marker> {
  const wanted = { sizes, seed: 1, migrations: readMigrations().map((m) => `${m.name}:${m.checksum}`).join(",") };
  if (await databaseExists(serverUrl, name)) {
    const marker = await readMarker(withDatabase(serverUrl, name));
    const same =
      marker !== null &&
      marker.seed === wanted.seed &&
      marker.migrations === wanted.migrations &&
      (Object.keys(sizes) as (keyof LargeDataSizes)[]).every((key) => marker.sizes[key] === sizes[key]);
    if (marker && same) {
      log(`reusing seeded database ${name} (${marker.summary.seconds.toFixed(0)} s to seed)`);
      return marker;
    }
    log(`${name} holds other sizes or an older schema: seeding again`);
    await dropDatabase(serverUrl, name);
  }
  const building = `${name}_building`;
  await dropDatabase(serverUrl, building);
  const url = await createDatabase(serverUrl, building);
  await applyMigrations(url);
  log(`seeding ${JSON.stringify(sizes)} …`);
  const summary = await seedLargeData(url, { ...sizes, slug: BENCH_SLUG, name: "Großstadt", seed: wanted.seed }, (line) => log(`  ${line}`));
  const marker: Marker = { ...wanted, summary };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE "${MARKER}" ("marker" jsonb NOT NULL)`);
  await client.query(`INSERT INTO "${MARKER}" VALUES ($1)`, [JSON.stringify(marker)]);
  await client.end();
  await onServer(serverUrl, (c) => c.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`));
  return marker;
}

async function readMarker(url: string): Promise<Marker | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ marker: Marker }>(`SELECT "marker" FROM "${MARKER}"`);
    return rows[0]?.marker ?? null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/** A fresh copy of the template for this run. */
export async function cloneForRun(serverUrl: string, template: string, name: string): Promise<string> {
  await dropDatabase(serverUrl, name);
  return createDatabase(serverUrl, name, template);
}

export type BenchPeople = {
  /** Participants of the largest dialogue, each with a session cookie value. */
  participants: { userId: string; token: string }[];
  /** Municipal staff (may export). */
  staff: { userId: string; token: string };
  /** Visible contributions of the largest dialogue, for supports and comments. */
  contributionIds: string[];
  /** The contribution with the most visible comments (its page is a scenario). */
  mostCommented: { id: string; comments: number };
};

/** Sessions for bench users, written straight into next-auth's Session table. */
export async function preparePeople(url: string, dialogueId: string, participants: number): Promise<BenchPeople> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: members } = await client.query<{ userId: string }>(
      `SELECT "userId" FROM "Membership" WHERE "dialogueId" = $1 AND "role" = 'PARTICIPANT' ORDER BY "userId" LIMIT $2`,
      [dialogueId, participants],
    );
    const { rows: staffRows } = await client.query<{ userId: string }>(
      `SELECT mm."userId" FROM "MunicipalityMembership" mm JOIN "Dialogue" d ON d."municipalityId" = mm."municipalityId"
        WHERE d."id" = $1 AND mm."role" = 'STAFF' ORDER BY mm."userId" LIMIT 1`,
      [dialogueId],
    );
    const session = async (userId: string) => {
      const token = randomBytes(32).toString("base64url");
      await client.query(`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day')`, [token, userId]);
      return { userId, token };
    };
    const people = [];
    for (const member of members) people.push(await session(member.userId));
    const { rows: contributions } = await client.query<{ id: string }>(
      `SELECT "id" FROM "Contribution" WHERE "dialogueId" = $1 AND "hiddenAt" IS NULL AND "withdrawnAt" IS NULL ORDER BY "createdAt" DESC LIMIT 500`,
      [dialogueId],
    );
    const { rows: commented } = await client.query<{ id: string; comments: number }>(
      `SELECT c."id", count(k.*)::int AS "comments" FROM "Contribution" c JOIN "Comment" k ON k."contributionId" = c."id" AND k."hiddenAt" IS NULL
        WHERE c."dialogueId" = $1 AND c."hiddenAt" IS NULL AND c."withdrawnAt" IS NULL GROUP BY c."id" ORDER BY 2 DESC LIMIT 1`,
      [dialogueId],
    );
    return {
      participants: people,
      staff: await session(staffRows[0]!.userId),
      contributionIds: contributions.map((c) => c.id),
      mostCommented: commented[0] ?? { id: contributions[0]!.id, comments: 0 },
    };
  } finally {
    await client.end();
  }
}
