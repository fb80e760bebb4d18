// The rules a person accepts (decision 025): the default rules in the reader's language, a host
// team's own in the reader's version or the original with a note, and what was accepted recorded
// with the language and version the person saw.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createDialogue as createDialogueAsStaff } from "@/lib/dialogues/create-dialogue";
import { loadRulesForReader, rulesVersion } from "@/lib/host-texts/code-of-conduct";
import { defaultRules } from "@/lib/host-texts/default-rules";
import { joinDialogue, signUpWithInvitation } from "@/lib/invitations/join-dialogue";
import { getOpenDialogue } from "@/lib/open-data/get-open-dialogue";
import { machineTranslate } from "@/lib/translations/machine-translate";
import de from "@/messages/de.json";
import uk from "@/messages/uk.json";
import { createDialogue, createMunicipality, createTheme, createUser, openDialogue } from "@/tests/support/factories";
import { appErrorOf, context, fieldKeys, insertInvitation, viewerOf } from "@/tests/support/viewers";

const membershipOf = (userId: string, dialogueId: string) => db.membership.findUniqueOrThrow({ where: { userId_dialogueId: { userId, dialogueId } } });

describe("the rules a reader is shown", () => {
  it("shows the default rules in the reader's UI language, and German where a catalogue lacks them", async () => {
    const dialogue = await createDialogue({ codeOfConduct: null });
    expect(await loadRulesForReader(dialogue.id, "uk")).toMatchObject({ text: uk.codeOfConduct.defaultRules, language: "uk", version: "default", untranslated: false });
    const pashto = await loadRulesForReader(dialogue.id, "ps");
    const ps = (await import("@/messages/ps.json")).default as { codeOfConduct?: { defaultRules?: string } };
    expect(pashto).toMatchObject(
      ps.codeOfConduct?.defaultRules
        ? { text: ps.codeOfConduct.defaultRules, language: "ps", recordLanguage: "ps" }
        : { text: de.codeOfConduct.defaultRules, language: "de", recordLanguage: "de" },
    );
  });

  it("shows a host team's own rules in the reader's version, else the original with a note", async () => {
    const dialogue = await createDialogue({ codeOfConduct: "Eigene Regeln.", languages: ["de", "ar", "uk"] });
    const host = await createUser();
    await db.translation.create({
      data: { dialogueId: dialogue.id, language: "ar", title: "ح", summary: "م", body: "و", codeOfConduct: "قواعدنا.", method: "AUTHOR", translatorId: host.id },
    });
    expect(await loadRulesForReader(dialogue.id, "ar")).toMatchObject({ text: "قواعدنا.", language: "ar", source: "author", untranslated: false, version: rulesVersion("قواعدنا.") });
    expect(await loadRulesForReader(dialogue.id, "uk")).toMatchObject({ text: "Eigene Regeln.", language: "de", untranslated: true, languages: ["de", "ar"] });
    expect(await loadRulesForReader(dialogue.id, "de")).toMatchObject({ language: "de", untranslated: false });
  });

  it("offers a machine translation of a host team's own rules where no version exists, and shows it labelled", async () => {
    const dialogue = await createDialogue({ codeOfConduct: "Eigene Regeln.", languages: ["de", "uk"] });
    await openDialogue(dialogue.id);
    const before = await loadRulesForReader(dialogue.id, "uk");
    expect(before).toMatchObject({ untranslated: true, requestable: true, readerLanguage: "uk" });
    const reader = await createUser({ locale: "uk" });
    // A stand-in for the operator's service: the real protocol is tested in tests/translations.
    const translator = { translate: async (text: string, _from: string, to: string) => `[${to}] ${text}` };
    await machineTranslate(await viewerOf(reader.id), { dialogueId: dialogue.id, language: "uk" }, translator);
    expect(await loadRulesForReader(dialogue.id, "uk")).toMatchObject({ text: "[uk] Eigene Regeln.", language: "uk", source: "machine", untranslated: false, requestable: false });
  });

  it("publishes the default rules in the dialogue's main language in the open data", async () => {
    const dialogue = await createDialogue({ codeOfConduct: null, languages: ["uk", "de"] });
    await openDialogue(dialogue.id);
    expect((await getOpenDialogue({ dialogueId: dialogue.id })).codeOfConduct).toBe(uk.codeOfConduct.defaultRules);
  });

  it("keeps the default when staff create a dialogue with the rules as offered", async () => {
    const municipality = await createMunicipality();
    const staff = await createUser({ perspective: "MUNICIPAL_STAFF" });
    await db.municipalityMembership.create({ data: { userId: staff.id, municipalityId: municipality.id, role: "STAFF" } });
    const theme = await createTheme(municipality.id);
    const fields = { municipalityId: municipality.id, title: "Wohnen in der Stadt", summary: "Kurz", description: "Lang", themeIds: [theme.id], languages: ["de" as const, "ar" as const] };
    const kept = await createDialogueAsStaff(await viewerOf(staff.id), { ...fields, codeOfConduct: `  ${(await defaultRules("de")).text.replace(/\n/g, "\r\n")}\n` });
    const own = await createDialogueAsStaff(await viewerOf(staff.id), { ...fields, title: "Arbeit in der Stadt", codeOfConduct: "Unsere eigenen Regeln." });
    expect((await db.dialogue.findUniqueOrThrow({ where: { id: kept.id } })).codeOfConduct).toBeNull();
    expect((await db.dialogue.findUniqueOrThrow({ where: { id: own.id } })).codeOfConduct).toBe("Unsere eigenen Regeln.");
    expect(await membershipOf(staff.id, own.id)).toMatchObject({ codeOfConductLanguage: "de", codeOfConductVersion: rulesVersion("Unsere eigenen Regeln.") });
  });
});

describe("what a person accepted", () => {
  it("records the language and version of the rules the join form showed", async () => {
    const dialogue = await createDialogue({ codeOfConduct: null });
    const invitation = await insertInvitation(dialogue);
    const user = await createUser();
    await joinDialogue(await viewerOf(user.id), { code: invitation.code, acceptCodeOfConduct: true, codeOfConductLanguage: "uk", codeOfConductVersion: "default" }, context());
    expect(await membershipOf(user.id, dialogue.id)).toMatchObject({ codeOfConductLanguage: "uk", codeOfConductVersion: "default" });

    const signedUp = await signUpWithInvitation(
      { code: invitation.code, displayName: "Samira", locale: "ar", acceptCodeOfConduct: true, codeOfConductLanguage: "ar", codeOfConductVersion: "default" },
      context(),
    );
    const newcomer = await db.membership.findFirstOrThrow({ where: { dialogueId: dialogue.id, user: { displayName: "Samira" } } });
    expect(signedUp.dialogueId).toBe(dialogue.id);
    expect(newcomer).toMatchObject({ codeOfConductLanguage: "ar", codeOfConductVersion: "default" });
  });

  it("refuses rules that changed since the form showed them, at the checkbox", async () => {
    const dialogue = await createDialogue({ codeOfConduct: "Alte Regeln." });
    const invitation = await insertInvitation(dialogue);
    const user = await createUser();
    const seen = { codeOfConductLanguage: "de", codeOfConductVersion: rulesVersion("Alte Regeln.") };
    await db.dialogue.update({ where: { id: dialogue.id }, data: { codeOfConduct: "Neue Regeln." } });
    const error = await appErrorOf(joinDialogue(await viewerOf(user.id), { code: invitation.code, acceptCodeOfConduct: true, ...seen }, context()));
    expect(fieldKeys(error, "acceptCodeOfConduct")).toEqual(["codeOfConduct.changed"]);
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);

    await joinDialogue(await viewerOf(user.id), { code: invitation.code, acceptCodeOfConduct: true, ...seen, codeOfConductVersion: rulesVersion("Neue Regeln.") }, context());
    expect(await membershipOf(user.id, dialogue.id)).toMatchObject({ codeOfConductLanguage: "de", codeOfConductVersion: rulesVersion("Neue Regeln.") });
  });
});
