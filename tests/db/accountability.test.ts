// Accountability: a contribution's status changes only through a public, written response,
// and responses form an append-only timeline (docs/design.md, principle 2).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createContribution, createDialogue, createUser, respond } from "@/tests/support/factories";
import { expectConstraint } from "./expect-constraint";

async function openNeed() {
  const dialogue = await createDialogue();
  return createContribution({ dialogueId: dialogue.id, kind: "NEED" });
}

async function answeredNeed() {
  const need = await openNeed();
  const response = await respond(need.id, { status: "UNDER_REVIEW" });
  return { need, response };
}

describe("contribution_status_needs_response", () => {
  it("refuses a contribution inserted with a status other than OPEN", async () => {
    const dialogue = await createDialogue();
    await expectConstraint(
      createContribution({ dialogueId: dialogue.id, status: "DONE" }),
      "contribution_status_needs_response",
    );
  });

  it("accepts a contribution inserted as OPEN", async () => {
    const need = await openNeed();
    expect(need.status).toBe("OPEN");
  });

  it("refuses a direct UPDATE of the status", async () => {
    const need = await openNeed();
    await expectConstraint(
      db.contribution.update({ where: { id: need.id }, data: { status: "DECLINED" } }),
      "contribution_status_needs_response",
    );
    await expectConstraint(
      db.$executeRaw`UPDATE "Contribution" SET "status" = 'DONE' WHERE "id" = ${need.id}::uuid`,
      "contribution_status_needs_response",
    );
    expect((await db.contribution.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("OPEN");
  });

  it("lets other columns of a contribution change", async () => {
    const need = await openNeed();
    const edited = await db.contribution.update({
      where: { id: need.id },
      data: { title: "Kinderbetreuung während des Sprachkurses", editedAt: new Date() },
    });
    expect(edited.status).toBe("OPEN");
  });

  it("sets the status when a response is inserted, once per response", async () => {
    const need = await openNeed();
    await respond(need.id, { status: "PLANNED" });
    expect((await db.contribution.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("PLANNED");
    await respond(need.id, { status: "DONE" });
    expect((await db.contribution.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("DONE");
  });

  it("lets a response answer without changing the status", async () => {
    const { need } = await answeredNeed();
    await respond(need.id, { status: "UNDER_REVIEW", body: "Der Sozialausschuss berät am 12. im Monat." });
    expect((await db.contribution.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("UNDER_REVIEW");
    expect(await db.response.count({ where: { contributionId: need.id } })).toBe(2);
  });
});

describe("response_is_written", () => {
  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["longer than 10000 characters", "x".repeat(10_001)],
  ])("refuses a response whose body is %s, and keeps the status", async (_label, body) => {
    const need = await openNeed();
    await expectConstraint(respond(need.id, { status: "DECLINED", body }), "response_is_written");
    expect((await db.contribution.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("OPEN");
  });

  it("refuses a response whose body is only line breaks and tabs", async () => {
    const need = await openNeed();
    await expectConstraint(respond(need.id, { status: "DECLINED", body: "\n\t\r\n" }), "response_is_written");
  });
});

describe("response_append_only", () => {
  it("refuses to UPDATE a response", async () => {
    const { response } = await answeredNeed();
    await expectConstraint(
      db.response.update({ where: { id: response.id }, data: { body: "Doch nicht." } }),
      "response_append_only",
    );
    await expectConstraint(
      db.$executeRaw`UPDATE "Response" SET "status" = 'DECLINED' WHERE "id" = ${response.id}::uuid`,
      "response_append_only",
    );
    expect(await db.response.findUniqueOrThrow({ where: { id: response.id } })).toEqual(response);
  });

  it("refuses to DELETE a response", async () => {
    const { response } = await answeredNeed();
    await expectConstraint(db.response.delete({ where: { id: response.id } }), "response_append_only");
    await expectConstraint(
      db.$executeRaw`DELETE FROM "Response" WHERE "id" = ${response.id}::uuid`,
      "response_append_only",
    );
    expect(await db.response.count({ where: { id: response.id } })).toBe(1);
  });

  it("refuses to TRUNCATE the responses, even with CASCADE", async () => {
    const { response } = await answeredNeed();
    const refused = await expectConstraint(db.$executeRawUnsafe(`TRUNCATE "Response" CASCADE`), "response_append_only");
    expect(refused.message).toContain("TRUNCATE");
    expect(await db.response.count({ where: { id: response.id } })).toBe(1);
  });

  it("keeps the author of a response from deleting their account", async () => {
    const author = await createUser({ perspective: "MUNICIPAL_STAFF" });
    const need = await openNeed();
    await respond(need.id, { status: "PLANNED", authorId: author.id });
    await expectConstraint(db.user.delete({ where: { id: author.id } }), "Response_authorId_fkey");
  });
});
