// Private mediation: a moderator opens a case between members of the dialogue and records the
// agreed outcome; only moderators and the case's participants see it; the log names no details.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closeMediationCase, getMediationCase, listMediationCandidates, listMediationCases, openMediationCase } from "@/lib/moderation/mediation";
import { createUser } from "@/tests/support/factories";
import { fieldKeys } from "@/tests/support/viewers";
import { appErrorOf, logOf, moderatedDialogue, viewerOf } from "./support";

const SUBJECT = "Streit über die Küchennutzung in Haus 3";

type World = Awaited<ReturnType<typeof openCase>>;

async function openCase() {
  const setup = await moderatedDialogue();
  const { dialogue, author, reporter, moderator } = setup;
  const opened = await openMediationCase(moderator, { dialogueId: dialogue.id, subject: SUBJECT, participantIds: [author.id, reporter.id] });
  return { ...setup, caseId: opened.id };
}

describe("mediation", () => {
  it("a moderator opens a case between members; the log says only that it was opened", async () => {
    const { dialogue, author, reporter, moderator, caseId } = await openCase();
    const participants = await db.mediationParticipant.findMany({ where: { caseId }, select: { userId: true } });
    expect(participants.map((p) => p.userId).sort()).toEqual([author.id, reporter.id].sort());
    const log = await logOf(dialogue.id);
    expect(log.map((entry) => [entry.type, entry.actorId, entry.mediationCaseId])).toEqual([["MEDIATION_OPENED", moderator.id, caseId]]);
    expect(log[0]!.reason).not.toContain("Küche");
    expect((await listMediationCandidates(moderator, { dialogueId: dialogue.id })).map((u) => u.id)).toEqual(expect.arrayContaining([author.id, reporter.id]));
  });

  it("refuses people who are not members, and fewer than two", async () => {
    const { dialogue, author, moderator } = await moderatedDialogue();
    const outsider = await createUser();
    const error = await appErrorOf(openMediationCase(moderator, { dialogueId: dialogue.id, subject: SUBJECT, participantIds: [author.id, outsider.id] }));
    expect(fieldKeys(error, "participantIds")).toEqual(["moderation.mediation.members"]);
    const one = await appErrorOf(openMediationCase(moderator, { dialogueId: dialogue.id, subject: SUBJECT, participantIds: [author.id, author.id] }));
    expect(fieldKeys(one, "participantIds")).toEqual(["moderation.mediation.members"]);
    expect(await db.mediationCase.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });

  it.each(["staff", "author"] as const)("refuses a non-moderator: the %s", async (who) => {
    const world = await moderatedDialogue();
    const { dialogue, author, reporter } = world;
    expect((await appErrorOf(openMediationCase(world[who], { dialogueId: dialogue.id, subject: SUBJECT, participantIds: [author.id, reporter.id] }))).code).toBe("FORBIDDEN");
    expect(await db.mediationCase.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });

  it.each(["author", "reporter", "moderator", "otherModerator"] as const)("is visible to the case's %s", async (who) => {
    const world = await openCase();
    expect((await getMediationCase(world[who], { caseId: world.caseId, dialogueId: world.dialogue.id }))?.subject).toBe(SUBJECT);
  });

  it("is listed for a participant of the case", async () => {
    const { dialogue, author, caseId } = await openCase();
    expect((await listMediationCases(author, { dialogueId: dialogue.id })).map((c) => c.id)).toEqual([caseId]);
  });

  it.each([
    ["staff", (world: World) => world.staff],
    ["a signed-in stranger", async () => viewerOf((await createUser()).id)],
    ["the public", async () => null],
  ] as const)("is neither shown nor listed to %s", async (_, viewerFor) => {
    const world = await openCase();
    const viewer = await viewerFor(world);
    expect(await getMediationCase(viewer, { caseId: world.caseId, dialogueId: world.dialogue.id })).toBeNull();
    expect(await listMediationCases(viewer, { dialogueId: world.dialogue.id })).toEqual([]);
  });

  it("records the agreed outcome and closes the case, once", async () => {
    const { dialogue, author, moderator, caseId } = await openCase();
    const outcome = "Küchenplan mit festen Zeiten, Gespräch in vier Wochen.";
    await closeMediationCase(moderator, { caseId, outcome });
    expect(await getMediationCase(author, { caseId, dialogueId: dialogue.id })).toMatchObject({ outcome, closedAt: expect.any(Date) });
    expect((await appErrorOf(closeMediationCase(moderator, { caseId, outcome: "Anders." }))).code).toBe("CONFLICT");
    expect((await appErrorOf(closeMediationCase(author, { caseId, outcome: "Anders." }))).code).toBe("FORBIDDEN");
    expect((await logOf(dialogue.id)).map((entry) => entry.type)).toEqual(["MEDIATION_OPENED", "MEDIATION_CLOSED"]);
    expect((await logOf(dialogue.id))[1]!.reason).not.toContain("Küche");
  });
});
