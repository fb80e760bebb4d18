// The three new-contribution pages (post, say it, record on someone's behalf) start from the
// request-cached dialogue and its flags (lib/pages/new-contribution-page.ts, issue 17): who gets
// a form is who the policy lets post or record, and each form offers what its page shows.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { contributionLanguages } from "@/lib/contributions/contribution-core";
import { loadOfflineEntryPage, loadPostPage } from "@/lib/pages/new-contribution-page";
import { can } from "@/lib/policy/policy";
import { createMeeting, createUser } from "@/tests/support/factories";
import { hostOf, memberAs } from "@/tests/support/meetings";
import { dialogueIn, participant, viewerOf } from "@/tests/support/participation";

async function slugsOf(dialogueId: string) {
  const dialogue = await db.dialogue.findUniqueOrThrow({ where: { id: dialogueId }, select: { slug: true, municipality: { select: { slug: true } } } });
  return { municipalitySlug: dialogue.municipality.slug, dialogueSlug: dialogue.slug };
}

describe("the post page's loader", () => {
  it("offers the form to a member with the dialogue's languages, and the rules until they accepted them", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const slugs = await slugsOf(dialogue.id);
    const accepted = await loadPostPage(await participant(dialogue.id), slugs, "ar");
    expect(accepted?.form).toEqual({ languages: contributionLanguages(dialogue.languages), codeOfConduct: null });
    const newcomer = await loadPostPage(await participant(dialogue.id, "LIVED_EXPERIENCE", false), slugs, "ar");
    expect(newcomer?.form?.codeOfConduct).not.toBeNull();
  });

  it.each([
    ["a visitor", async () => null],
    ["someone who has not joined", async () => viewerOf((await createUser()).id)],
  ])("has no form for %s, as the policy has it", async (_who, make) => {
    const dialogue = await dialogueIn("COLLECTING");
    const viewer = await make();
    const loaded = await loadPostPage(viewer, await slugsOf(dialogue.id), "de");
    expect(loaded?.dialogue.id).toBe(dialogue.id);
    expect(loaded?.form).toBeNull();
    expect(can(viewer, "contribution:create", loaded!.resource)).toBe(false);
  });

  it("has no form once the dialogue stopped collecting, and no page for a draft", async () => {
    const deliberating = await dialogueIn("DELIBERATING");
    expect((await loadPostPage(await participant(deliberating.id), await slugsOf(deliberating.id), "de"))?.form).toBeNull();
    const draft = await dialogueIn("DRAFT");
    expect(await loadPostPage(await hostOf(draft), await slugsOf(draft.id), "de")).toBeNull();
  });
});

describe("the offline entry page's loader", () => {
  it("offers a recorder the languages and every meeting of the dialogue, latest first", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const now = Date.now();
    const past = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date(now - 20 * 86_400_000) });
    const next = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date(now + 2 * 86_400_000) });
    const later = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date(now + 30 * 86_400_000) });
    const older = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date(now - 60 * 86_400_000) });
    const loaded = await loadOfflineEntryPage(await memberAs(dialogue.id, "RECORDER"), await slugsOf(dialogue.id));
    expect(loaded?.form?.languages).toEqual(contributionLanguages(dialogue.languages));
    expect(loaded?.form?.meetings.map((meeting) => meeting.id)).toEqual([later.id, next.id, past.id, older.id]);
  });

  it("has no form for a participant, who may not record for others", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    expect((await loadOfflineEntryPage(await participant(dialogue.id), await slugsOf(dialogue.id)))?.form).toBeNull();
  });
});
