// "Recorded by me" (decision 032): a recorder sees the voices they entered on someone's behalf in
// a dialogue — not another recorder's, not online posts — with each one's status and its
// receipt's (attached, code replaced) and may print each slip again; the host team also sees
// every recorded voice and may reprint any; everyone else sees no list at all.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordOfflineContribution } from "@/lib/contributions/record-offline-contribution";
import { attachReceipt } from "@/lib/receipts/attach-receipt";
import { replaceReceipt } from "@/lib/receipts/get-receipt-slip";
import { loadDialogue } from "@/lib/dialogues/load-dialogue";
import { listRecordedContributions, recordedListAccess } from "@/lib/receipts/list-recorded";
import { createContribution } from "@/tests/support/factories";
import { context } from "@/tests/support/viewers";
import { hostOf, memberAs } from "@/tests/support/meetings";
import { offlineInput } from "@/tests/support/offline";
import { dialogueIn, participant } from "@/tests/support/participation";

async function scene() {
  const dialogue = await dialogueIn("COLLECTING");
  const ref = { id: dialogue.id, municipalityId: dialogue.municipalityId, phase: "COLLECTING" as const };
  const amira = await memberAs(dialogue.id, "RECORDER", "LOCAL_ACTOR");
  const jonas = await memberAs(dialogue.id, "RECORDER", "LOCAL_ACTOR");
  const first = await recordOfflineContribution(amira, offlineInput(dialogue, { title: "Kita-Plätze in der Nähe" }));
  const second = await recordOfflineContribution(amira, offlineInput(dialogue, { title: "دورة لغة مع رعاية أطفال", language: "ar" }));
  const theirs = await recordOfflineContribution(jonas, offlineInput(dialogue, { title: "Fahrradwerkstatt" }));
  await createContribution({ dialogueId: dialogue.id, title: "Online gepostet" });
  return { dialogue, ref, amira, jonas, first, second, theirs };
}

describe("listRecordedContributions", () => {
  it("gives a recorder their own recordings, newest first, each reprintable; not another recorder's, not online posts", async () => {
    const { ref, amira, first, second } = await scene();
    const list = (await listRecordedContributions(amira, ref))!;
    expect(list.rows.map((row) => row.id)).toEqual([second.id, first.id]);
    expect(list.rows[0]).toMatchObject({ title: "دورة لغة مع رعاية أطفال", language: "ar", status: "OPEN", source: "PAPER", byViewer: true, mayReprint: true, attachedAt: null, rotatedAt: null, recorder: null });
    expect(JSON.stringify(list)).not.toMatch(/code|perspective/i);
  });

  it("shows that a receipt was attached to an account, or its code replaced", async () => {
    const { dialogue, ref, amira, first, second } = await scene();
    const person = await participant(dialogue.id);
    const code = (await db.receipt.findUniqueOrThrow({ where: { contributionId: first.id } })).code;
    await attachReceipt(person, { code }, context());
    await replaceReceipt(amira, { contributionId: second.id, dialogueId: dialogue.id });
    const rows = (await listRecordedContributions(amira, ref))!.rows;
    expect(rows.find((row) => row.id === first.id)?.attachedAt).toBeInstanceOf(Date);
    expect(rows.find((row) => row.id === second.id)?.rotatedAt).toBeInstanceOf(Date);
  });

  it("gives the host team every recorded voice with its recorder, each reprintable; a recorder may not ask for all", async () => {
    const { dialogue, ref, amira, jonas, first, second, theirs } = await scene();
    const host = await hostOf(dialogue);
    const all = (await listRecordedContributions(host, ref, { all: true }))!;
    expect(all.rows.map((row) => row.id)).toEqual([theirs.id, second.id, first.id]);
    expect(all.rows.every((row) => row.mayReprint)).toBe(true);
    expect(all.rows[0]!.recorder).toBe((await db.user.findUniqueOrThrow({ where: { id: jonas.id } })).displayName);
    expect((await listRecordedContributions(host, ref))!.rows).toEqual([]);
    expect(await listRecordedContributions(amira, ref, { all: true })).toBeNull();
    expect(recordedListAccess(amira, ref)).toEqual({ mine: true, all: false });
    expect(recordedListAccess(host, ref)).toEqual({ mine: true, all: true });
  });

  it.each([
    ["a participant", (dialogueId: string) => participant(dialogueId)],
    ["a moderator", (dialogueId: string) => memberAs(dialogueId, "MODERATOR")],
    ["someone signed out", async () => null],
    ["a recorder of another dialogue", async () => memberAs((await dialogueIn("COLLECTING")).id, "RECORDER")],
  ])("shows no list to %s", async (_, viewerFor) => {
    const { dialogue, ref } = await scene();
    const viewer = await viewerFor(dialogue.id);
    expect(await listRecordedContributions(viewer, ref)).toBeNull();
    expect(await listRecordedContributions(viewer, ref, { all: true })).toBeNull();
  });

  it("is linked from the dialogue page for recorders and the host team only (the page's flag)", async () => {
    const { dialogue, amira } = await scene();
    const slugs = { municipalitySlug: (await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } })).slug, dialogueSlug: dialogue.slug };
    const flag = async (viewer: Parameters<typeof loadDialogue>[0]) => (await loadDialogue(viewer, slugs))!.may.recorded;
    expect(await flag(amira)).toBe(true);
    expect(await flag(await hostOf(dialogue))).toBe(true);
    expect(await flag(await participant(dialogue.id))).toBe(false);
    expect(await flag(await memberAs(dialogue.id, "MODERATOR"))).toBe(false);
    expect(await flag(null)).toBe(false);
  });
});
