// Public answers (docs/design.md, principle 2): staff and hosts answer with a status and a written
// response; the timeline only grows; the author is told; offline voices are answered too.
import { describe, expect, it } from "vitest";
import { follow } from "@/lib/notifications/follows";
import { db } from "@/lib/db/client";
import { getContribution } from "@/lib/contributions/get-contribution";
import { postResponse } from "@/lib/responses/post-response";
import { addMember, createActor, createContribution, createMunicipality, createUser } from "@/tests/support/factories";
import { refusal } from "@/tests/db/expect-constraint";
import { appErrorOf, fieldKeys, publishedDialogue, viewerOf } from "@/tests/support/accountability";

async function setUp() {
  const { dialogue, staff } = await publishedDialogue("RESPONDING");
  const need = await createContribution({ dialogueId: dialogue.id, kind: "NEED" });
  const actor = await createActor({ municipalityId: dialogue.municipalityId, name: "Sozialamt", kind: "MUNICIPAL_DEPARTMENT" });
  return { dialogue, staff, need, actor };
}

describe("postResponse", () => {
  it("records what, why, who decided, the actor and the date, and sets the status", async () => {
    const { dialogue, staff, need, actor } = await setUp();
    const response = await postResponse(staff, {
      contributionId: need.id,
      status: "PLANNED",
      body: "  Ab März gibt es WLAN in Haus 3, weil der Rat die Mittel bewilligt hat.  ",
      decidedBy: "Sozialausschuss",
      actorId: actor.id,
      dueDate: "2027-03-01",
    });
    const row = await db.response.findUniqueOrThrow({ where: { id: response.id } });
    expect(row).toMatchObject({
      authorId: staff.id,
      status: "PLANNED",
      body: "Ab März gibt es WLAN in Haus 3, weil der Rat die Mittel bewilligt hat.",
      decidedBy: "Sozialausschuss",
      actorId: actor.id,
      dueDate: new Date("2027-03-01T00:00:00Z"),
    });
    expect((await db.contribution.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("PLANNED");
    const page = await getContribution({ contributionId: need.id, dialogueId: dialogue.id }, null);
    expect(page?.responses.map((r) => r.actor)).toEqual([{ id: actor.id, name: "Sozialamt" }]);
  });

  it.each([
    ["empty", ""],
    ["only white space", "   \n\t "],
    ["missing", undefined],
  ])("refuses a status change whose written response is %s, and changes nothing", async (_, body) => {
    const { staff, need } = await setUp();
    const error = await appErrorOf(postResponse(staff, { contributionId: need.id, status: "DECLINED", body: body as string }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "body")).toEqual(["responses.bodyRequired"]);
    expect(await db.response.count({ where: { contributionId: need.id } })).toBe(0);
    expect((await db.contribution.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("OPEN");
  });

  it("refuses a status change without a written response in the database too", async () => {
    const { staff, need } = await setUp();
    const dbRefusal = await refusal(db.response.create({ data: { contributionId: need.id, authorId: staff.id, status: "DECLINED", body: " \n " } }));
    expect(dbRefusal).toMatchObject({ sqlState: "23514", constraint: "response_is_written" });
    expect(await db.response.count({ where: { contributionId: need.id } })).toBe(0);
    expect((await db.contribution.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("OPEN");
  });

  it.each([
    ["of another municipality", async () => (await createActor({ municipalityId: (await createMunicipality()).id })).id],
    ["that does not exist", async () => "0190b2a4-0000-7000-8000-000000000000"],
  ])("refuses an actor %s, both alike", async (_, actorOf) => {
    const { staff, need } = await setUp();
    const error = await appErrorOf(postResponse(staff, { contributionId: need.id, status: "PLANNED", body: "Machen wir.", actorId: await actorOf() }));
    expect(fieldKeys(error, "actorId")).toEqual(["validation.invalid"]);
    expect(await db.response.count({ where: { contributionId: need.id } })).toBe(0);
  });

  it("lets hosts answer and refuses the signed-out", async () => {
    const { dialogue, need } = await setUp();
    const host = await createUser();
    await addMember(dialogue.id, host.id, "HOST");
    await postResponse(await viewerOf(host.id), { contributionId: need.id, status: "UNDER_REVIEW", body: "Wir prüfen das." });
    expect((await appErrorOf(postResponse(null, { contributionId: need.id, status: "DONE", body: "Erledigt." }))).code).toBe("UNAUTHENTICATED");
    expect(await db.response.count({ where: { contributionId: need.id } })).toBe(1);
  });

  const memberAs = (role: "CO_HOST" | "PARTICIPANT") => async (dialogueId: string) => {
    const user = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(dialogueId, user.id, role);
    return viewerOf(user.id);
  };
  it.each([
    ["a co-host", memberAs("CO_HOST")],
    ["a participant", memberAs("PARTICIPANT")],
    ["staff of another municipality", async () => (await publishedDialogue()).staff],
  ])("refuses %s", async (_, who) => {
    const { dialogue, need } = await setUp();
    expect((await appErrorOf(postResponse(await who(dialogue.id), { contributionId: need.id, status: "DONE", body: "Erledigt." }))).code).toBe("FORBIDDEN");
    expect(await db.response.count({ where: { contributionId: need.id } })).toBe(0);
  });

  it("refuses in a closed dialogue", async () => {
    const { dialogue, staff, need } = await setUp();
    await postResponse(staff, { contributionId: need.id, status: "DONE", body: "Erledigt." });
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "CLOSED" } });
    expect((await appErrorOf(postResponse(staff, { contributionId: need.id, status: "DECLINED", body: "Doch nicht." }))).code).toBe("FORBIDDEN");
  });

  it("notifies the author (who follows what they wrote) in the same transaction", async () => {
    const { dialogue, staff, need } = await setUp();
    // The factory writes the row directly; posting through the app follows it (decision 030).
    await follow(need.authorId!, { contributionId: need.id });
    const response = await postResponse(staff, { contributionId: need.id, status: "UNDER_REVIEW", body: "Wir prüfen das bis Freitag." });
    const notifications = await db.notification.findMany({ where: { responseId: response.id } });
    expect(notifications).toEqual([
      expect.objectContaining({ userId: need.authorId, type: "RESPONSE_POSTED", dialogueId: dialogue.id, contributionId: need.id, readAt: null }),
    ]);
  });

  it("answers an offline voice without an account, and notifies nobody", async () => {
    const { staff, dialogue } = await setUp();
    const offline = await createContribution({ dialogueId: dialogue.id, kind: "NEED", authorId: null, source: "PAPER", recordedById: staff.id, readBackConfirmedAt: new Date() });
    const response = await postResponse(staff, { contributionId: offline.id, status: "IN_PROGRESS", body: "Die Beratung startet nächste Woche." });
    expect((await db.contribution.findUniqueOrThrow({ where: { id: offline.id } })).status).toBe("IN_PROGRESS");
    expect(await db.notification.count({ where: { responseId: response.id } })).toBe(0);
  });

  it("appends: the timeline keeps every answer in order, and the latest sets the status", async () => {
    const { dialogue, staff, need } = await setUp();
    await postResponse(staff, { contributionId: need.id, status: "UNDER_REVIEW", body: "Eins" });
    await postResponse(staff, { contributionId: need.id, status: "PLANNED", body: "Zwei" });
    await postResponse(staff, { contributionId: need.id, status: "DONE", body: "Drei" });
    const page = await getContribution({ contributionId: need.id, dialogueId: dialogue.id }, null);
    expect(page?.responses.map((r) => [r.status, r.body])).toEqual([
      ["UNDER_REVIEW", "Eins"],
      ["PLANNED", "Zwei"],
      ["DONE", "Drei"],
    ]);
    expect(page?.status).toBe("DONE");
  });

  it("refuses OPEN as an answer and a date that is not one", async () => {
    const { staff, need } = await setUp();
    const open = await appErrorOf(postResponse(staff, { contributionId: need.id, status: "OPEN" as "DONE", body: "x" }));
    expect(fieldKeys(open, "status")).toEqual(["validation.invalid"]);
    const date = await appErrorOf(postResponse(staff, { contributionId: need.id, status: "DONE", body: "x", dueDate: "31.12.2026" }));
    expect(fieldKeys(date, "dueDate")).toEqual(["validation.invalid"]);
  });
});
