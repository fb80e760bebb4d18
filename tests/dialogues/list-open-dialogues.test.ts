import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listOpenDialogues } from "@/lib/dialogues/list-open-dialogues";
import { addMember, createDialogue, createMeeting, createMunicipality, createUser, openDialogue } from "@/tests/support/factories";
import { createContributions, support } from "@/tests/support/bulk";

describe("listOpenDialogues", () => {
  it("lists every dialogue past DRAFT, grouped by municipality, and no drafts", async () => {
    const aachen = await createMunicipality({ name: "Aachen" });
    const zwickau = await createMunicipality({ name: "Zwickau" });
    const collecting = await createDialogue({ municipalityId: zwickau.id, title: "Wohnen in Zwickau" });
    await openDialogue(collecting.id);
    const closed = await createDialogue({ municipalityId: zwickau.id, title: "Erster Dialog" });
    await openDialogue(closed.id);
    await db.dialogue.update({ where: { id: closed.id }, data: { phase: "CLOSED" } });
    const inAachen = await createDialogue({ municipalityId: aachen.id, title: "Arbeit in Aachen" });
    await openDialogue(inAachen.id);
    await createDialogue({ municipalityId: aachen.id, title: "Noch ein Entwurf" });

    const mine = new Set([aachen.slug, zwickau.slug]);
    const groups = (await listOpenDialogues()).filter((g) => mine.has(g.municipality.slug));
    expect(groups.map((g) => [g.municipality.name, g.dialogues.map((d) => [d.title, d.phase])])).toEqual([
      ["Aachen", [["Arbeit in Aachen", "COLLECTING"]]],
      [
        "Zwickau",
        [
          ["Wohnen in Zwickau", "COLLECTING"],
          ["Erster Dialog", "CLOSED"],
        ],
      ],
    ]);
    expect(groups[0]?.dialogues[0]).toMatchObject({ slug: inAachen.slug, summary: inAachen.summary, language: "de" });
  });

  it("counts visible contributions, all supports and members", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const [a, b, hidden] = await createContributions(dialogue, [
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 1 },
      { kind: "PROPOSAL", perspective: "LOCAL_ACTOR", minute: 2 },
      { kind: "NEED", perspective: "LOCAL_ACTOR", minute: 3, hidden: true },
      { kind: "NEED", perspective: "LOCAL_ACTOR", minute: 4, withdrawn: true },
    ]);
    if (!a || !b || !hidden) throw new Error("contributions missing");
    await support([a.id, b.id], "LIVED_EXPERIENCE", 2);
    await support([a.id], "MUNICIPAL_STAFF", 1);
    await support([hidden.id], "LIVED_EXPERIENCE", 4);
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
    await db.meetingSupport.create({
      data: { contributionId: b.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 6, recordedById: recorder.id },
    });
    await addMember(dialogue.id, (await createUser()).id, "PARTICIPANT");

    const listed = (await listOpenDialogues()).flatMap((g) => g.dialogues).find((d) => d.slug === dialogue.slug);
    expect(listed).toMatchObject({
      contributions: 2,
      supports: 2 * 2 + 1 + 6,
      supportsFromLivedExperience: 2 * 2 + 6,
      // The host from createDialogue, the co-host openDialogue adds, the participant.
      participants: 3,
    });
  });
});
