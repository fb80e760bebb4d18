// A phase change tells every member of the dialogue, in the same transaction and in ONE
// statement however big the dialogue is; not the host who changed it, not deleted accounts.
// The shared client is swapped for one that reports every statement (tests/support/statement-log.ts).
import { describe, expect, it, vi } from "vitest";

const statements = vi.hoisted(() => ({ log: [] as string[] }));

vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query) => statements.log.push(query)));

const { db } = await import("@/lib/db/client");
const { advancePhase } = await import("@/lib/dialogues/advance-phase");
const { addMember, createDialogue, createUser, openDialogue } = await import("@/tests/support/factories");
const { viewerOf } = await import("@/tests/support/viewers");

async function collectingDialogueWith(members: number) {
  const dialogue = await createDialogue();
  await openDialogue(dialogue.id);
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: members }, (_, i) => ({ displayName: `Mitglied ${i}` })),
    select: { id: true },
  });
  await db.membership.createMany({ data: users.map((user) => ({ dialogueId: dialogue.id, userId: user.id, role: "PARTICIPANT" as const })) });
  return { dialogue, memberIds: users.map((user) => user.id) };
}

const notificationInserts = () => statements.log.filter((sql) => /INSERT INTO "public"\."Notification"|INSERT INTO "Notification"/.test(sql));

describe("advancePhase notifies the dialogue's members", () => {
  it("all of them but the host who moved it and deleted accounts, in one statement", async () => {
    const { dialogue, memberIds } = await collectingDialogueWith(40);
    const deleted = await createUser({ deletedAt: new Date(), displayName: "gelöscht" });
    await addMember(dialogue.id, deleted.id, "PARTICIPANT");
    const host = await viewerOf(dialogue.createdById);

    statements.log.length = 0;
    await advancePhase(host, { dialogueId: dialogue.id, from: "COLLECTING" });
    expect(notificationInserts()).toHaveLength(1);

    const rows = await db.notification.findMany({ where: { dialogueId: dialogue.id }, select: { userId: true, type: true } });
    const coHost = await db.membership.findFirstOrThrow({ where: { dialogueId: dialogue.id, role: "CO_HOST" } });
    expect(rows.every((row) => row.type === "PHASE_CHANGED")).toBe(true);
    expect(rows.map((row) => row.userId).sort()).toEqual([...memberIds, coHost.userId].sort());
  });

  it("costs the same statements for 3 members as for 300", async () => {
    const runs: { members: number; statements: number; notifications: number }[] = [];
    for (const size of [3, 300]) {
      const { dialogue } = await collectingDialogueWith(size);
      const host = await viewerOf(dialogue.createdById);
      statements.log.length = 0;
      await advancePhase(host, { dialogueId: dialogue.id, from: "COLLECTING" });
      runs.push({ members: size, statements: statements.log.length, notifications: await db.notification.count({ where: { dialogueId: dialogue.id } }) });
    }
    const [few, many] = runs as [(typeof runs)[number], (typeof runs)[number]];
    // Every member and the co-host are told.
    expect(runs.map(({ members, notifications }) => [members, notifications])).toEqual([[3, 4], [300, 301]]);
    expect(many.statements).toBe(few.statements);
  });

  it("records nothing when the phase change is refused", async () => {
    const dialogue = await createDialogue();
    await addMember(dialogue.id, (await createUser()).id, "PARTICIPANT");
    const host = await viewerOf(dialogue.createdById);
    await expect(advancePhase(host, { dialogueId: dialogue.id, from: "DRAFT" })).rejects.toThrow();
    expect(await db.notification.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });
});
