// Issue 12, finding 8: the append-only moderation log is only as strong as the role the app
// connects as. A superuser (what the app used to be) switches triggers off with
// session_replication_role; the app role set up by lib/db/roles.ts cannot, and cannot change
// or empty the log any other way — it can only add to it and read it.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { APP_ROLE, asRole, ensureAppRole, grantAppPrivileges } from "@/lib/db/roles";
import { TEST_APP_PASSWORD } from "@/lib/db/test-databases";
import { createScratchDatabase } from "@/lib/db/databases";
import { migrateDatabase } from "@/lib/db/dev-database";
import { db } from "@/lib/db/client";
import { addMember, createContribution, createDialogue, createUser } from "@/tests/support/factories";

const ownerUrl = process.env.DATABASE_URL!;
let app: pg.Client;

async function loggedHide() {
  const dialogue = await createDialogue();
  const author = await createUser({ perspective: "LIVED_EXPERIENCE" });
  const contribution = await createContribution({ dialogueId: dialogue.id, authorId: author.id });
  const moderator = await createUser({ perspective: "LOCAL_ACTOR" });
  await addMember(dialogue.id, moderator.id, "MODERATOR");
  const hide = await db.moderationAction.create({
    data: { dialogueId: dialogue.id, actorId: moderator.id, type: "HIDE", contributionId: contribution.id, category: "PERSONAL_DATA", reason: "Telefonnummer." },
  });
  return { dialogue, contribution, moderator, hide };
}

beforeAll(async () => {
  await ensureAppRole(ownerUrl, TEST_APP_PASSWORD);
  await grantAppPrivileges(ownerUrl, APP_ROLE);
  app = new pg.Client({ connectionString: asRole(ownerUrl, APP_ROLE, TEST_APP_PASSWORD) });
  await app.connect();
});

afterAll(async () => {
  await app?.end();
});

describe("the app's database role", () => {
  it("is what a superuser connection is not: switching triggers off lets a superuser delete from the log", async () => {
    const { hide } = await loggedHide();
    const superuser = new pg.Client({ connectionString: ownerUrl });
    await superuser.connect();
    try {
      await superuser.query("SET session_replication_role = replica");
      await superuser.query(`DELETE FROM "ModerationAction" WHERE "id" = $1`, [hide.id]);
    } finally {
      await superuser.end();
    }
    expect(await db.moderationAction.count({ where: { id: hide.id } })).toBe(0);
  });

  it.each([
    ["SET session_replication_role = replica", /permission denied to set parameter "session_replication_role"/],
    ["SELECT set_config('session_replication_role', 'replica', false)", /permission denied to set parameter "session_replication_role"/],
    ['ALTER TABLE "ModerationAction" DISABLE TRIGGER ALL', /must be owner of table ModerationAction/],
    ['ALTER TABLE "ModerationAction" DISABLE TRIGGER "moderation_action_append_only"', /must be owner of table ModerationAction/],
    ['DROP TRIGGER "moderation_action_append_only" ON "ModerationAction"', /must be owner of (table|relation) ModerationAction/],
    ['TRUNCATE "ModerationAction"', /permission denied for table ModerationAction/],
    ['TRUNCATE "Response"', /permission denied for table Response/],
    ['UPDATE "Response" SET "id" = "id"', /permission denied for table Response/],
    ['DELETE FROM "Response"', /permission denied for table Response/],
    ['CREATE TABLE "Shadow" ("id" int)', /permission denied for schema public/],
    ['SELECT count(*) FROM "_prisma_migrations"', /permission denied for table _prisma_migrations/],
  ])("cannot: %s", async (sql, refusal) => {
    await expect(app.query(sql)).rejects.toThrow(refusal);
  });

  it("cannot change or delete a logged moderation step, even after trying to switch triggers off", async () => {
    const { hide } = await loggedHide();
    await expect(app.query("SET session_replication_role = replica")).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE "ModerationAction" SET "reason" = 'anders' WHERE "id" = $1`, [hide.id])).rejects.toThrow(
      /permission denied for table ModerationAction/,
    );
    await expect(app.query(`DELETE FROM "ModerationAction" WHERE "id" = $1`, [hide.id])).rejects.toThrow(/permission denied for table ModerationAction/);
    expect(await db.moderationAction.findUniqueOrThrow({ where: { id: hide.id } })).toEqual(hide);
  });

  it("adds to the log and reads it, and does the app's ordinary writes", async () => {
    const { dialogue, contribution, moderator } = await loggedHide();
    const id = randomUUID();
    await app.query(
      `INSERT INTO "ModerationAction" ("id", "dialogueId", "actorId", "type", "contributionId", "category", "reason") VALUES ($1, $2, $3, 'UNHIDE', $4, NULL, 'Nummer entfernt.')`,
      [id, dialogue.id, moderator.id, contribution.id],
    );
    const { rows } = await app.query(`SELECT "type" FROM "ModerationAction" WHERE "id" = $1`, [id]);
    expect(rows).toEqual([{ type: "UNHIDE" }]);
    const updated = await app.query(`UPDATE "User" SET "displayName" = 'Neu' WHERE "id" = $1`, [moderator.id]);
    expect(updated.rowCount).toBe(1);
  });

  it("owns nothing and has no superuser, role-making or RLS-bypassing powers", async () => {
    const { rows } = await app.query<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; rolcreatedb: boolean; owned: number }>(
      `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb,
              (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid)
            + (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid)
            + (SELECT count(*)::int FROM pg_proc WHERE proowner = r.oid)
            + (SELECT count(*)::int FROM pg_type WHERE typowner = r.oid) AS owned
         FROM pg_roles r WHERE rolname = current_user`,
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, owned: 0 }]);
  });
});

describe("npm start's and db:migrate's migration step", () => {
  it("migrates a fresh database as the owner and leaves the app role exactly its rights", async () => {
    const scratch = await createScratchDatabase(inject("dbServerUrl"), "mitreden_roles");
    const appUrl = asRole(scratch.url, APP_ROLE, TEST_APP_PASSWORD);
    const client = new pg.Client({ connectionString: appUrl });
    try {
      const messages: string[] = [];
      expect((await migrateDatabase({ url: scratch.url, appUrl }, (m) => messages.push(m))).length).toBeGreaterThan(0);
      expect(messages).toEqual([]);
      await client.connect();
      expect((await client.query(`SELECT count(*)::int AS count FROM "Municipality"`)).rows).toEqual([{ count: 0 }]);
      await expect(client.query(`DELETE FROM "ModerationAction"`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`SELECT count(*) FROM pgboss.job`)).resolves.toBeTruthy();
    } finally {
      await client.end();
      await scratch.drop();
    }
  });

  it("warns when the app would connect as the schema's owner", async () => {
    const scratch = await createScratchDatabase(inject("dbServerUrl"), "mitreden_roles");
    try {
      const messages: string[] = [];
      await migrateDatabase({ url: scratch.url, appUrl: scratch.url }, (m) => messages.push(m));
      expect(messages).toEqual([expect.stringContaining("set MIGRATION_DATABASE_URL")]);
    } finally {
      await scratch.drop();
    }
  });
});
