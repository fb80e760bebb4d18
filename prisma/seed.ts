// The demo municipality Musterstadt: its people, actors and five Flüchtlingsdialoge, one in each
// phase. Seeded by `npm start` on a new database, by `npm run db:seed`, and for the end-to-end
// tests. The data is declared in prisma/seed/; this file is the entry point.
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { generateSignInCode, handleOf, hashSignInCode } from "../lib/auth/sign-in-code";
import { PrismaClient, type Prisma } from "../lib/generated/prisma/client";
import { DEMO_ACCOUNTS, PERSON_KEYS, person, type PersonKey } from "./seed/people";
import { buildRows, type SignIns } from "./seed/rows";
import { clockAt } from "./seed/time";
import { insertRows } from "./seed/write";

export { DEMO_ACCOUNTS };

// Any constant works; it only has to be the same for every process seeding this database.
const SEED_LOCK_KEY = 727_274_003;
const TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

/** Fills an empty, migrated database, all or nothing. */
export async function seed(db: PrismaClient): Promise<void> {
  const signIns = await makeSignIns();
  await db.$transaction((tx) => fill(tx, signIns), TRANSACTION);
}

/** Seeds the database at `databaseUrl` unless it already has a municipality. */
export async function runSeed(databaseUrl: string): Promise<{ seeded: boolean }> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    if ((await db.municipality.count()) > 0) return { seeded: false };
    const signIns = await makeSignIns();
    const seeded = await db.$transaction(async (tx) => {
      // Two processes starting on the same new database must not both seed it.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
      if ((await tx.municipality.count()) > 0) return false;
      await fill(tx, signIns);
      return true;
    }, TRANSACTION);
    return { seeded };
  } finally {
    await db.$disconnect();
  }
}

async function fill(tx: Prisma.TransactionClient, signIns: SignIns): Promise<void> {
  await insertRows(tx, buildRows(clockAt(new Date()), signIns));
}

/**
 * Every demo person gets a sign-in code, as everyone does at sign-up: the demo accounts their
 * fixed one, the others a random one nobody will see. Hashed before the transaction opens,
 * because argon2 is deliberately slow.
 */
async function makeSignIns(): Promise<SignIns> {
  const fixed = (key: PersonKey) => person(key).demo?.signInCode;
  const handles = new Set(PERSON_KEYS.flatMap((key) => fixed(key) ?? []).map(handleOf));
  const codeOf = (key: PersonKey): string => {
    const demoCode = fixed(key);
    if (demoCode) return demoCode;
    // The handle finds the account, so it must be unique.
    for (;;) {
      const { handle, code } = generateSignInCode();
      if (handles.has(handle)) continue;
      handles.add(handle);
      return code;
    }
  };
  const codes = PERSON_KEYS.map((key) => [key, codeOf(key)] as const);
  const entries = await Promise.all(
    codes.map(async ([key, code]) => [key, { handle: handleOf(code), hash: await hashSignInCode(code) }] as const),
  );
  return new Map(entries);
}

async function main(): Promise<void> {
  // Loaded only here, so importing this file (tests, scripts/start.ts) reads no .env and
  // starts no database.
  await import("dotenv/config");
  const { openDevDatabase } = await import("../lib/db/dev-database");
  const { applyMigrations } = await import("../lib/db/migrate");
  const database = await openDevDatabase((message) => console.log(message));
  try {
    await applyMigrations(database.url);
    const { seeded } = await runSeed(database.url);
    console.log(seeded ? "Seeded the demo municipality Musterstadt." : "The database already has a municipality; nothing seeded.");
    console.log("Demo accounts (sign in with the code):");
    console.table(
      DEMO_ACCOUNTS.map((account) => ({
        name: account.displayName,
        "sign-in code": account.signInCode,
        "e-mail": account.email ?? "",
        who: account.description,
      })),
    );
  } finally {
    await database.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
