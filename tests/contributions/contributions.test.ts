// Posting, correcting and withdrawing needs and proposals: the voice is the author's, stored
// with their perspective at the time; the first post needs the code of conduct accepted.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createContribution } from "@/lib/contributions/create-contribution";
import { getContribution } from "@/lib/contributions/get-contribution";
import { listContributions } from "@/lib/contributions/list-contributions";
import { updateContribution } from "@/lib/contributions/update-contribution";
import { withdrawContribution } from "@/lib/contributions/withdraw-contribution";
import { createContribution as insertContribution, createDistrict, createTheme, createUser } from "@/tests/support/factories";
import { fieldKeys } from "@/tests/support/viewers";
import { appErrorOf, dialogueIn, participant, postInput, viewerOf } from "@/tests/support/participation";

describe("createContribution", () => {
  it("stores a member's need with the author's perspective as a snapshot", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const viewer = await participant(dialogue.id, "LIVED_EXPERIENCE");
    const district = await createDistrict(dialogue.municipalityId, { names: { de: "Weststadt" } });
    const { id } = await createContribution(viewer, postInput(dialogue, { language: "ar", place: district.id, title: "  إنترنت  " }));

    await db.user.update({ where: { id: viewer.id }, data: { perspective: "NOT_STATED" } });
    const row = await db.contribution.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      authorId: viewer.id,
      authorPerspective: "LIVED_EXPERIENCE",
      kind: "NEED",
      title: "إنترنت",
      language: "ar",
      place: "DISTRICT",
      districtId: district.id,
      source: "ONLINE",
      status: "OPEN",
      editedAt: null,
    });
  });

  it.each(["DELIBERATING", "RESPONDING", "CLOSED"] as const)("refuses a member in %s (outside COLLECTING)", async (phase) => {
    const dialogue = await dialogueIn(phase);
    const viewer = await participant(dialogue.id);
    const before = await db.contribution.count({ where: { dialogueId: dialogue.id } });
    expect((await appErrorOf(createContribution(viewer, postInput(dialogue)))).code).toBe("FORBIDDEN");
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(before);
  });

  it("refuses non-members and the signed-out", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const stranger = await viewerOf((await createUser()).id);
    expect((await appErrorOf(createContribution(stranger, postInput(dialogue)))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createContribution(null, postInput(dialogue)))).code).toBe("UNAUTHENTICATED");
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });

  it("enforces the limits on the server and accepts only the dialogue's themes and known languages", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const viewer = await participant(dialogue.id);
    const tooLong = await appErrorOf(createContribution(viewer, postInput(dialogue, { title: "x".repeat(201), body: "y".repeat(5001) })));
    expect(fieldKeys(tooLong, "title")).toEqual(["validation.too_long"]);
    expect(fieldKeys(tooLong, "body")).toEqual(["validation.too_long"]);
    const empty = await appErrorOf(createContribution(viewer, postInput(dialogue, { title: "   " })));
    expect(fieldKeys(empty, "title")).toEqual(["validation.required"]);

    const foreignTheme = await createTheme(dialogue.municipalityId);
    const wrong = await appErrorOf(createContribution(viewer, postInput(dialogue, { themeId: foreignTheme.id, language: "xx" })));
    expect(fieldKeys(wrong, "themeId")).toEqual(["validation.invalid"]);
    expect(fieldKeys(wrong, "language")).toEqual(["validation.invalid"]);
    // The maximum lengths themselves are fine; a UI language not among the dialogue's too.
    await createContribution(viewer, postInput(dialogue, { title: "x".repeat(200), body: "y".repeat(5000), language: "tr" }));
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(1);
  });

  it("asks for the code of conduct on the first post only, and records the acceptance", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const viewer = await participant(dialogue.id, "LIVED_EXPERIENCE", false);
    const refused = await appErrorOf(createContribution(viewer, postInput(dialogue)));
    expect(fieldKeys(refused, "acceptCodeOfConduct")).toEqual(["validation.required"]);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(0);

    const before = Date.now();
    await createContribution(viewer, { ...postInput(dialogue), acceptCodeOfConduct: true });
    const membership = await db.membership.findUniqueOrThrow({ where: { userId_dialogueId: { userId: viewer.id, dialogueId: dialogue.id } } });
    expect(membership.codeOfConductAcceptedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await createContribution(viewer, postInput(dialogue));
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(2);
  });

  it("records the acceptance of municipal staff, who post without having joined, as a participant's membership", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const user = await createUser({ perspective: "MUNICIPAL_STAFF" });
    await db.municipalityMembership.create({ data: { userId: user.id, municipalityId: dialogue.municipalityId, role: "STAFF" } });
    const staff = await viewerOf(user.id);
    const refused = await appErrorOf(createContribution(staff, postInput(dialogue)));
    expect(fieldKeys(refused, "acceptCodeOfConduct")).toEqual(["validation.required"]);
    const { id } = await createContribution(staff, { ...postInput(dialogue), acceptCodeOfConduct: true });
    expect((await db.contribution.findUniqueOrThrow({ where: { id } })).authorPerspective).toBe("MUNICIPAL_STAFF");
    const membership = await db.membership.findUniqueOrThrow({ where: { userId_dialogueId: { userId: user.id, dialogueId: dialogue.id } } });
    expect(membership.role).toBe("PARTICIPANT");
    expect(membership.codeOfConductAcceptedAt).not.toBeNull();
  });
});

describe("updateContribution", () => {
  it("lets the author correct within 15 minutes and marks it edited", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const viewer = await participant(dialogue.id);
    const { id } = await createContribution(viewer, postInput(dialogue));
    await updateContribution(viewer, { contributionId: id, title: "WLAN in Haus 3", body: "Seit Mai kein Internet." });
    const row = await db.contribution.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ title: "WLAN in Haus 3", body: "Seit Mai kein Internet." });
    expect(row.editedAt).not.toBeNull();
  });

  it("refuses after the edit window, for others, and outside COLLECTING", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const author = await participant(dialogue.id);
    const old = await insertContribution({ dialogueId: dialogue.id, authorId: author.id, createdAt: new Date(Date.now() - 16 * 60 * 1000) });
    const change = (contributionId: string) => ({ contributionId, title: "Geändert", body: "Geändert" });
    expect((await appErrorOf(updateContribution(author, change(old.id)))).code).toBe("FORBIDDEN");

    const fresh = await createContribution(author, postInput(dialogue));
    const other = await participant(dialogue.id);
    expect((await appErrorOf(updateContribution(other, change(fresh.id)))).code).toBe("FORBIDDEN");
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "DELIBERATING" } });
    expect((await appErrorOf(updateContribution(author, change(fresh.id)))).code).toBe("FORBIDDEN");
    const rows = await db.contribution.findMany({ where: { dialogueId: dialogue.id } });
    expect(rows.every((row) => row.title !== "Geändert" && row.editedAt === null)).toBe(true);
  });
});

describe("withdrawContribution", () => {
  it("lets the author withdraw: it stays on record and leaves the list and its page", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const author = await participant(dialogue.id);
    const { id } = await createContribution(author, postInput(dialogue));
    const other = await participant(dialogue.id);
    expect((await appErrorOf(withdrawContribution(other, { contributionId: id }))).code).toBe("FORBIDDEN");
    expect((await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de" })).total).toBe(1);

    await withdrawContribution(author, { contributionId: id });
    expect((await db.contribution.findUniqueOrThrow({ where: { id } })).withdrawnAt).not.toBeNull();
    expect((await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de" })).total).toBe(0);
    expect(await getContribution({ contributionId: id, dialogueId: dialogue.id }, null)).toBeNull();
  });
});
