// Issue 12, finding 2: anyone with a participant code could pose as staff — a look-alike of the
// officer's name, a self-declared "municipal staff" perspective that counted in the staff column.
// Names are normalised and refused when they imitate someone with a verified role of the same
// municipality; "municipal staff" comes from the STAFF role only.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { displayNameField } from "@/lib/accounts/display-name";
import { namesAreConfusable } from "@/lib/accounts/name-lookalikes";
import { listVerifiedRoles } from "@/lib/accounts/verified-roles";
import { updateProfile } from "@/lib/accounts/update-profile";
import { createComment } from "@/lib/comments/create-comment";
import { createContribution } from "@/lib/contributions/create-contribution";
import { recordOfflineContribution } from "@/lib/contributions/record-offline-contribution";
import { joinDialogue, signUpWithInvitation } from "@/lib/invitations/join-dialogue";
import { giveSupport } from "@/lib/supports/give-support";
import { fieldErrorsOf } from "@/lib/validation";
import { addMember, createActor, createDialogue, createMunicipality, createUser, openDialogue } from "@/tests/support/factories";
import { memberAs } from "@/tests/support/meetings";
import { offlineInput } from "@/tests/support/offline";
import { postInput } from "@/tests/support/participation";
import { context, insertInvitation, invalidInputOf, viewerOf } from "@/tests/support/viewers";

const OFFICER = "Sabine Krüger";

/** A dialogue whose municipality has the officer as STAFF, with an invitation for participants. */
async function townWithOfficer(name = OFFICER) {
  const municipality = await createMunicipality();
  const officer = await createUser({ displayName: name });
  await db.municipalityMembership.create({ data: { userId: officer.id, municipalityId: municipality.id, role: "STAFF" } });
  const dialogue = await createDialogue({ municipalityId: municipality.id, createdById: officer.id });
  await openDialogue(dialogue.id);
  const invitation = await insertInvitation(dialogue);
  return { municipality, officer, dialogue, invitation };
}

const signUp = (code: string, displayName: string, perspective?: "MUNICIPAL_STAFF" | "NOT_STATED") =>
  signUpWithInvitation({ code, displayName, locale: "de", acceptCodeOfConduct: true, ...(perspective ? { perspective } : {}) }, context());

const keysOf = (name: string) => {
  const parsed = displayNameField.safeParse(name);
  return parsed.success ? [] : fieldErrorsOf(parsed.error).form!.map((message) => message.key);
};

describe("display names", () => {
  it.each([
    ["a zero-width space", "Sabine Kr\u200Büger"],
    ["a word joiner", "Sabine\u2060 Krüger"],
    ["a byte-order mark", "Sabine\uFEFF Krüger"],
    ["a right-to-left mark", "Sabine Krüger\u200F"],
    ["a left-to-right mark", "\u200ESabine Krüger"],
    ["an Arabic letter mark", "Sabine\u061C Krüger"],
    ["a bidi isolate", "\u2066Sabine Krüger\u2069"],
    ["a combining grapheme joiner", "Sabine Kr\u034Füger"],
    ["a Hangul filler", "Sabine\u3164Krüger"],
  ])("refuses %s", (_what, name) => {
    expect(keysOf(name)).toEqual(["validation.invalid_characters"]);
  });

  it.each([
    ["a Zalgo stack", "S\u0336\u0335\u0334\u0337a\u0310\u0311bine Krüger"],
    ["four marks on one letter", "Sabine Kru\u0308\u0336\u0337\u0338\u0339ger"],
  ])("refuses %s of combining marks", (_what, name) => {
    expect(keysOf(name)).toEqual(["validation.name_marks"]);
  });

  it.each([
    ["a check mark", "Sabine ✓"],
    ["a heavy check mark", "✔ Sabine"],
    ["a ballot box with check", "Sabine ☑"],
  ])("refuses %s that imitates the verified badge", (_what, name) => {
    expect(keysOf(name)).toEqual(["validation.name_badge"]);
  });

  it("stores NFC, single spaces, and drops the joiners Persian keyboards type", () => {
    expect(displayNameField.parse("  Sabine   Kru\u0308ger ")).toBe("Sabine Krüger");
    expect(displayNameField.parse("Sabine\u00A0Krüger")).toBe("Sabine Krüger");
    expect(displayNameField.parse("زهرا\u200Cسادات")).toBe("زهراسادات");
  });

  it.each(["سميرة", "Ціна Олена", "Nguyễn Thị Hương", "שָׁלוֹם", "Zeynep Yılmaz", "محمد (Mohammad)"])(
    "keeps %s as typed: names in every script, with the marks they need",
    (name) => {
      expect(displayNameField.parse(name)).toBe(name.normalize("NFC"));
    },
  );

  it.each([
    ["Cyrillic а", "S\u0430bine Krüger"],
    ["Cyrillic Ѕ", "\u0405abine Krüger"],
    ["Ukrainian і", "Sab\u0456ne Krüger"],
    ["Greek ϋ", "Sabine Kr\u03CBger"],
    ["capitals", "SABINE KRÜGER"],
    ["decomposed ü", "Sabine Kru\u0308ger"],
  ])("takes a look-alike with %s for the officer's name", (_what, name) => {
    expect(namesAreConfusable(displayNameField.parse(name), OFFICER)).toBe(true);
  });

  it("tells different names apart", () => {
    expect(namesAreConfusable("Sabine Krüger", "Sabine Kruger")).toBe(false);
    expect(namesAreConfusable("Amal H.", "Amal K.")).toBe(false);
  });
});

describe("posing as staff at sign-up", () => {
  it.each([
    ["her exact name", OFFICER],
    ["a Cyrillic а", "S\u0430bine Krüger"],
    ["a Greek ϋ and extra spaces", " Sabine   Kr\u03CBger "],
    ["capitals", "SABINE KRÜGER"],
  ])("refuses %s in the officer's municipality", async (_what, name) => {
    const { invitation, dialogue } = await townWithOfficer();
    const error = await invalidInputOf(signUp(invitation.code, name));
    expect(error.issues).toEqual([{ path: ["displayName"], message: "validation.name_confusable" }]);
    expect(await db.membership.count({ where: { dialogueId: dialogue.id, role: "PARTICIPANT" } })).toBe(0);
  });

  it.each([
    ["the host team's lived-experience co-host", "CO_HOST" as const],
    ["a dialogue moderator", "MODERATOR" as const],
  ])("refuses a look-alike of %s", async (_what, role) => {
    const { dialogue, invitation } = await townWithOfficer();
    const member = await createUser({ displayName: "Amal H." });
    await addMember(dialogue.id, member.id, role);
    const error = await invalidInputOf(signUp(invitation.code, "\u0410mal H."));
    expect(error.issues).toEqual([{ path: ["displayName"], message: "validation.name_confusable" }]);
  });

  it("allows the same name in another municipality, where she is nobody's officer", async () => {
    await townWithOfficer();
    const { invitation } = await townWithOfficer("Jonas Weber");
    await signUp(invitation.code, OFFICER);
    expect(await db.user.count({ where: { displayName: OFFICER, municipalityMemberships: { none: {} } } })).toBeGreaterThanOrEqual(1);
  });

  it.each([["Sabine (Town staff)"], ["Nour – Verwaltung"], ["Verified Sabine"], ["Ali Moderation"]])(
    "refuses the badge's words in a name: %s",
    async (name) => {
      const { invitation } = await townWithOfficer();
      const error = await invalidInputOf(signUp(invitation.code, name));
      expect(error.issues).toEqual([{ path: ["displayName"], message: "validation.name_badge" }]);
    },
  );

  it("refuses a self-declared municipal staff perspective", async () => {
    const { invitation } = await townWithOfficer();
    const error = await invalidInputOf(signUp(invitation.code, "Petra", "MUNICIPAL_STAFF"));
    expect(error.issues).toEqual([{ path: ["perspective"], message: "validation.perspective_from_role" }]);
  });
});

describe("posing as staff with an account from elsewhere", () => {
  it("asks a person whose name imitates the officer to change it before joining her municipality", async () => {
    const elsewhere = await townWithOfficer("Jonas Weber");
    const { invitation, dialogue } = await townWithOfficer();
    const { session } = await signUp(elsewhere.invitation.code, "S\u0430bine Krüger");
    const poser = await db.session.findUniqueOrThrow({ where: { sessionToken: session.sessionToken } });
    const error = await invalidInputOf(joinDialogue(await viewerOf(poser.userId), { code: invitation.code, acceptCodeOfConduct: true }, context()));
    expect(error.issues).toEqual([{ path: ["code"], message: "validation.name_confusable_join" }]);
    expect(await db.membership.count({ where: { userId: poser.userId, dialogueId: dialogue.id } })).toBe(0);
  });
});

describe("posing as staff on the account page", () => {
  const profile = { locale: "de", perspective: "NOT_STATED" as const, email: null };

  it("refuses renaming to a look-alike of the officer, and keeps the officer's own name hers", async () => {
    const { officer, dialogue } = await townWithOfficer();
    const participant = await createUser({ displayName: "Lena" });
    await addMember(dialogue.id, participant.id, "PARTICIPANT");
    const error = await invalidInputOf(updateProfile(await viewerOf(participant.id), { ...profile, displayName: "Sabine Kr\u00FCger\u00A0" }));
    expect(error.issues).toEqual([{ path: ["displayName"], message: "validation.name_confusable" }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: participant.id } })).displayName).toBe("Lena");

    await updateProfile(await viewerOf(officer.id), { ...profile, displayName: OFFICER, locale: "en" });
    expect((await db.user.findUniqueOrThrow({ where: { id: officer.id } })).locale).toBe("en");
  });

  it("refuses choosing municipal staff as one's perspective", async () => {
    const { dialogue } = await townWithOfficer();
    const participant = await createUser({ displayName: "Lena" });
    await addMember(dialogue.id, participant.id, "PARTICIPANT");
    const error = await invalidInputOf(
      updateProfile(await viewerOf(participant.id), { ...profile, displayName: "Lena", perspective: "MUNICIPAL_STAFF" }),
    );
    expect(error.issues).toEqual([{ path: ["perspective"], message: "validation.perspective_from_role" }]);
  });
});

describe("the staff column", () => {
  it("counts the STAFF role at the time of writing, never a self-declared perspective", async () => {
    const { officer, dialogue, municipality } = await townWithOfficer();
    await db.user.update({ where: { id: officer.id }, data: { perspective: "LIVED_EXPERIENCE" } });
    // An account from before the fix that declared itself municipal staff, without the role.
    const poser = await createUser({ displayName: "Petra", perspective: "MUNICIPAL_STAFF" });
    await addMember(dialogue.id, poser.id, "PARTICIPANT");
    const poserViewer = await viewerOf(poser.id);
    const officerViewer = await viewerOf(officer.id);

    const need = await createContribution(poserViewer, postInput(dialogue));
    const answer = await createContribution(officerViewer, postInput(dialogue, { title: "Ein Raum im Rathaus" }));
    const tally = await giveSupport(poserViewer, { contributionId: answer.id });
    await giveSupport(officerViewer, { contributionId: need.id });
    await createComment(poserViewer, { contributionId: need.id, body: "Ich kümmere mich", language: "de" });
    await createComment(officerViewer, { contributionId: need.id, body: "Wir kümmern uns", language: "de" });

    const count = (perspective: string) => tally.supports.byPerspective.find((p) => p.perspective === perspective)?.online;
    expect(count("MUNICIPAL_STAFF")).toBe(0);
    expect(count("NOT_STATED")).toBe(1);
    const contributions = await db.contribution.findMany({ where: { dialogueId: dialogue.id }, select: { authorId: true, authorPerspective: true } });
    expect(contributions.find((c) => c.authorId === poser.id)?.authorPerspective).toBe("NOT_STATED");
    expect(contributions.find((c) => c.authorId === officer.id)?.authorPerspective).toBe("MUNICIPAL_STAFF");
    const comments = await db.comment.findMany({ where: { contributionId: need.id }, select: { authorId: true, authorPerspective: true } });
    expect(Object.fromEntries(comments.map((c) => [c.authorId, c.authorPerspective]))).toEqual({
      [poser.id]: "NOT_STATED",
      [officer.id]: "MUNICIPAL_STAFF",
    });
    expect((await db.support.findFirstOrThrow({ where: { contributionId: need.id } })).perspective).toBe("MUNICIPAL_STAFF");

    // Staff of another municipality are not staff here.
    const other = await createMunicipality();
    await db.municipalityMembership.deleteMany({ where: { userId: officer.id, municipalityId: municipality.id } });
    await db.municipalityMembership.create({ data: { userId: officer.id, municipalityId: other.id, role: "STAFF" } });
    // (Never their own contribution, decision 024: the officer supports another of Petra's.)
    const another = await createContribution(poserViewer, postInput(dialogue, { title: "Ein zweites Anliegen" }));
    await giveSupport(await viewerOf(officer.id), { contributionId: another.id });
    expect(await db.support.count({ where: { contributionId: another.id } })).toBe(1);
    expect(await db.support.count({ where: { contributionId: another.id, perspective: "MUNICIPAL_STAFF" } })).toBe(0);
  });
});

describe("voices recorded offline", () => {
  it("are never entered as municipal staff: a voice without an account holds no role", async () => {
    const { dialogue } = await townWithOfficer();
    const recorder = await memberAs(dialogue.id, "RECORDER");
    const error = await invalidInputOf(recordOfflineContribution(recorder, offlineInput(dialogue, { perspective: "MUNICIPAL_STAFF" })));
    expect(error.issues).toEqual([{ path: ["perspective"], message: "validation.invalid" }]);
  });
});

describe("verified roles", () => {
  it("come from roles of this municipality and dialogue, never from a perspective", async () => {
    const { officer, dialogue, municipality } = await townWithOfficer();
    const coHost = await createUser({ displayName: "Amal H.", perspective: "LIVED_EXPERIENCE" });
    await addMember(dialogue.id, coHost.id, "CO_HOST");
    const volunteer = await createUser({ displayName: "Hannelore" });
    const actor = await createActor({ municipalityId: municipality.id, name: "Willkommensinitiative" });
    await db.actorMember.create({ data: { actorId: actor.id, userId: volunteer.id } });
    const poser = await createUser({ displayName: "Petra", perspective: "MUNICIPAL_STAFF" });
    await addMember(dialogue.id, poser.id, "PARTICIPANT");

    const roles = await listVerifiedRoles({ id: dialogue.id, municipalityId: municipality.id }, [officer.id, coHost.id, volunteer.id, poser.id]);
    expect(roles).toEqual({
      [officer.id]: [{ role: "STAFF" }, { role: "HOST_TEAM" }],
      [coHost.id]: [{ role: "HOST_TEAM" }],
      [volunteer.id]: [{ role: "ACTOR_MEMBER", actor: "Willkommensinitiative" }],
    });
  });
});
