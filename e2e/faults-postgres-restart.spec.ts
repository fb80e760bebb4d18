// Faults: Postgres goes away under load and comes back. This spec runs its own Postgres (in a
// temporary directory, on a free port) and its own production server(s) from the same build as
// the rest of the e2e run, so it can stop and start the database without touching the shared
// e2e server. It checks, with counted writes (supports given through the no-JavaScript form):
// - while Postgres is down, pages answer 503 with a friendly page, the health check 503, and so do
//   the open-data API and the calendar — from the first request after the stop on;
// - the app recovers by itself once Postgres is back (no restart of the app);
// - no acknowledged write is lost: every support the app confirmed (303) is in the database.
// And that two app instances against one database behave as one: a session made on one works
// on the other, and a rate limit counts requests to both.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import en from "../messages/en.json" with { type: "json" };
import { startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/embedded";
import { cloneTemplate, ensureTemplate } from "../lib/db/test-databases";
import { runSeed } from "../prisma/seed";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { freePort } from "../tests/support/processes";
import { startServer, type OwnApp } from "./support/own-app";

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

const SLUG = DIALOGUES.collecting.slug;
const COOKIE = "next-auth.session-token"; // over http (lib/auth/sessions.ts)

/** A production server against the database, as a deployment's instance behind a load balancer. */
function startApp(databaseUrl: string): Promise<OwnApp> {
  return startServer(databaseUrl, {
    NEXTAUTH_SECRET: "faults-".padEnd(64, "x"),
    DATABASE_POOL_SIZE: "10",
    // Two instances stand for a deployment behind a load balancer, which appends the client's
    // address to X-Forwarded-For: the test sends that header as the balancer would.
    TRUSTED_PROXY_HOPS: "1",
  });
}

let dir: string;
let port: number;
let postgres: EmbeddedServer;
let databaseUrl: string;
let sql: pg.Pool;

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "mitreden-faults-"));
  port = await freePort();
  postgres = await startEmbeddedPostgres({ dir, port });
  const name = `mitreden_faults_${randomBytes(4).toString("hex")}`;
  databaseUrl = await cloneTemplate(postgres.url, await ensureTemplate(postgres.url), name);
  await runSeed(databaseUrl);
  sql = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  sql.on("error", () => {}); // its idle connections die with the restart; queries reconnect
});

test.afterAll(async () => {
  await sql?.end().catch(() => {});
  await postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `count` new members of the collecting dialogue, each with a session token. */
async function members(count: number): Promise<{ id: string; token: string }[]> {
  const { rows } = await sql.query<{ id: string }>(`SELECT "id" FROM "Dialogue" WHERE "slug" = $1`, [SLUG]);
  const dialogueId = rows[0]!.id;
  const people = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const token = randomBytes(32).toString("base64url");
    await sql.query(`INSERT INTO "User" ("id", "displayName", "perspective", "updatedAt") VALUES ($1, $2, 'LOCAL_ACTOR', now())`, [id, `Last ${i}`]);
    await sql.query(
      `INSERT INTO "Membership" ("id", "userId", "dialogueId", "role", "codeOfConductAcceptedAt") VALUES ($1, $2, $3, 'PARTICIPANT', now())`,
      [randomUUID(), id, dialogueId],
    );
    await sql.query(`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ($1, $2, $3, now() + interval '1 day')`, [
      randomUUID(),
      token,
      id,
    ]);
    people.push({ id, token });
  }
  return people;
}

/** The fields of the "support" form on a contribution page, as the browser would post them. */
async function supportForm(app: OwnApp, contributionId: string, token: string): Promise<[string, string][]> {
  const html = await (await fetch(`${app.url}/en/musterstadt/${SLUG}/c/${contributionId}`, { headers: { cookie: `${COOKIE}=${token}` } })).text();
  const form = html.match(/<form[^>]*>(?:(?!<\/form>)[\s\S])*name="intent" value="give"[\s\S]*?<\/form>/)?.[0];
  if (!form) throw new Error(`no support form on ${contributionId}: ${html.slice(html.indexOf("<main"), html.indexOf("</main>"))}`);
  return [...form.matchAll(/<input[^>]*>/g)].map(([tag]) => {
    const attr = (name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1] ?? "";
    return [attr("name"), attr("value").replaceAll("&quot;", '"').replaceAll("&amp;", "&")];
  });
}

/** Gives a support through the plain form post; true when the app confirmed it (303). */
async function give(app: OwnApp, contributionId: string, token: string, fields: [string, string][]): Promise<boolean> {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  try {
    const response = await fetch(`${app.url}/en/musterstadt/${SLUG}/c/${contributionId}`, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { cookie: `${COOKIE}=${token}`, origin: app.url },
    });
    return response.status === 303;
  } catch {
    return false;
  }
}

test("Postgres restarts under load: 503 and a friendly page meanwhile, recovery by itself, no confirmed write lost", async () => {
  const app = await startApp(databaseUrl);
  try {
    const people = await members(30);
    const { rows: contributions } = await sql.query<{ id: string }>(
      `SELECT c."id" FROM "Contribution" c JOIN "Dialogue" d ON d."id" = c."dialogueId" WHERE d."slug" = $1 AND c."withdrawnAt" IS NULL AND c."hiddenAt" IS NULL`,
      [SLUG],
    );
    expect(contributions.length).toBeGreaterThan(2);
    const forms = new Map<string, [string, string][]>();
    for (const { id } of contributions) forms.set(id, await supportForm(app, id, people[0]!.token));

    // Every person supports every contribution, 8 requests at a time, in a shuffled order. A
    // refused write goes back to the end of the queue, as a person would try again: so writes
    // remain for after the outage however fast the outage refuses them.
    const queue = people.flatMap((person) => contributions.map(({ id }) => ({ person, contributionId: id })));
    queue.sort(() => Math.random() - 0.5);
    const attempted = queue.length;
    const confirmed: { userId: string; contributionId: string }[] = [];
    let failed = 0;
    const writers = Array.from({ length: 8 }, async () => {
      for (let write = queue.shift(); write; write = queue.shift()) {
        const { person, contributionId } = write;
        if (await give(app, contributionId, person.token, forms.get(contributionId)!)) confirmed.push({ userId: person.id, contributionId });
        else {
          failed++;
          queue.push(write);
        }
      }
    });

    await expect.poll(() => confirmed.length, { timeout: 60_000 }).toBeGreaterThan(20);
    const reads = ["/en/musterstadt", "/api/v1/municipalities", `/en/musterstadt/${SLUG}/meetings/calendar.ics`];
    for (const path of reads) expect((await fetch(`${app.url}${path}`)).status, path).toBe(200);
    await postgres.stop();

    // The very first requests after the stop already answer 503 with Retry-After — a page, the
    // open-data API and the calendar — not 500s until a probe notices: the connections Postgres
    // ended on its way down closed the gate (lib/health/database-gate.ts).
    for (const path of reads) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status, path).toBe(503);
      expect(response.headers.get("retry-after"), path).toBe("5");
    }

    // Down: the health check and pages say so, with a page a person understands.
    await expect.poll(async () => (await fetch(`${app.url}/api/health`)).status, { timeout: 15_000 }).toBe(503);
    await expect.poll(async () => (await fetch(`${app.url}/en/musterstadt`)).status, { timeout: 15_000 }).toBe(503);
    const down = await fetch(`${app.url}/en/musterstadt`);
    expect(down.headers.get("retry-after")).toBe("5");
    expect(down.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const page = await down.text();
    expect(page).toContain(`<h1>${en.security.unavailableTitle}</h1>`);
    expect(page).toContain(en.security.unavailableBody);
    const confirmedWhileDown = confirmed.length;

    // Back: the same data directory, the same port; the app is not restarted.
    postgres = await startEmbeddedPostgres({ dir, port });
    await expect.poll(async () => (await fetch(`${app.url}/api/health`)).status, { timeout: 30_000 }).toBe(200);
    await expect.poll(async () => (await fetch(`${app.url}/en/musterstadt`)).status, { timeout: 30_000 }).toBe(200);
    await Promise.all(writers);

    // Writes go through again after the restart, every one of them in the end …
    expect(confirmed.length).toBeGreaterThan(confirmedWhileDown);
    expect(new Set(confirmed.map((write) => `${write.userId}/${write.contributionId}`)).size).toBe(attempted);
    // … and every confirmed one is there.
    const { rows: stored } = await sql.query<{ userId: string; contributionId: string }>(
      `SELECT "userId", "contributionId" FROM "Support" WHERE "userId" = ANY($1::uuid[])`,
      [people.map((person) => person.id)],
    );
    const have = new Set(stored.map((row) => `${row.userId}/${row.contributionId}`));
    const lost = confirmed.filter((write) => !have.has(`${write.userId}/${write.contributionId}`));
    const writes = `${attempted} attempted, ${confirmed.length} confirmed, ${failed} refused during the outage (and tried again), ${stored.length} stored, ${lost.length} confirmed but lost`;
    test.info().annotations.push({ type: "writes", description: writes });
    console.log(`faults: ${writes}`);
    expect(lost).toEqual([]);
    expect(failed).toBeGreaterThan(0); // the outage really hit the writers
  } finally {
    await app.stop();
  }
});

/** A well-formed invitation code that no invitation has (the alphabet without look-alikes). */
function unknownCode(): string {
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  return Array.from(randomBytes(8), (byte) => alphabet[byte % alphabet.length]).join("");
}

test("two app instances against one database behave as one: sessions and rate limits", async () => {
  const [one, two] = await Promise.all([startApp(databaseUrl), startApp(databaseUrl)]);
  try {
    // A session made on one instance (here: its row) is valid on both.
    const [person] = await members(1);
    const { rows } = await sql.query<{ displayName: string }>(`SELECT "displayName" FROM "User" WHERE "id" = $1`, [person!.id]);
    for (const app of [one, two]) {
      const html = await (await fetch(`${app.url}/en`, { headers: { cookie: `${COOKIE}=${person!.token}` } })).text();
      expect(html).toContain(rows[0]!.displayName);
    }

    // Guessing invitation codes: 20 misses per address in 15 minutes, counted across instances.
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const limited = en.errors.RATE_LIMITED.split("{")[0]!;
    // What the page says (the catalogue in the page's data holds every message, shown or not).
    const tryCode = async (app: OwnApp) => {
      const html = await (await fetch(`${app.url}/en/join/${unknownCode()}`, { headers: { "x-forwarded-for": address } })).text();
      return html.slice(html.indexOf("<main"), html.indexOf("</main>"));
    };
    for (let i = 0; i < 20; i++) expect(await tryCode(i % 2 ? two : one)).not.toContain(limited);
    expect(await tryCode(one)).toContain(limited);
    expect(await tryCode(two)).toContain(limited);
  } finally {
    await Promise.all([one.stop(), two.stop()]);
  }
});
