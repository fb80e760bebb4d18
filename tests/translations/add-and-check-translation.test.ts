// Volunteers translate contributions and comments into the dialogue's other languages; one
// translation per language; the host team checks them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addTranslation } from "@/lib/translations/add-translation";
import { checkTranslation } from "@/lib/translations/check-translation";
import { listTranslations } from "@/lib/translations/list-translations";
import { fieldKeys } from "@/tests/support/viewers";
import { appErrorOf, dialogueIn } from "@/tests/support/participation";
import { coHost, germanNeed, participant } from "./support";

describe("addTranslation", () => {
  it("stores a volunteer's translation of a contribution and of a comment", async () => {
    const { dialogue, contribution, comment } = await germanNeed();
    const volunteer = await participant(dialogue.id, "LOCAL_ACTOR");
    const added = await addTranslation(volunteer, { contributionId: contribution.id, language: "ar", title: " واي فاي في المبنى 3 ", body: "لا يوجد إنترنت." });
    expect(added).toMatchObject({ language: "ar", method: "VOLUNTEER", translatorId: volunteer.id });
    await addTranslation(volunteer, { commentId: comment.id, language: "fa", body: "درست است." });

    const { contribution: ofContribution, comments } = await listTranslations({ contributionId: contribution.id, commentIds: [comment.id] });
    expect(ofContribution.map((t) => [t.language, t.title, t.body, t.checked])).toEqual([["ar", "واي فاي في المبنى 3", "لا يوجد إنترنت.", null]]);
    expect(comments.get(comment.id)?.map((t) => [t.language, t.title, t.body])).toEqual([["fa", null, "درست است."]]);
  });

  it("lets the same volunteer improve an unchecked translation, and refuses anyone else's or a checked one", async () => {
    const { dialogue, contribution, host } = await germanNeed();
    const first = await participant(dialogue.id);
    const second = await participant(dialogue.id);
    const input = { contributionId: contribution.id, language: "ar", title: "عنوان", body: "نص أول" };
    const added = await addTranslation(first, input);
    const improved = await addTranslation(first, { ...input, body: "نص أفضل" });
    expect(improved.id).toBe(added.id);

    const other = await appErrorOf(addTranslation(second, { ...input, body: "نص آخر" }));
    expect(other.code).toBe("CONFLICT");
    expect(fieldKeys(other, "language")).toEqual(["translations.alreadyTranslated"]);

    await checkTranslation(host, { translationId: added.id });
    const afterCheck = await appErrorOf(addTranslation(first, { ...input, body: "نص ثالث" }));
    expect(fieldKeys(afterCheck, "language")).toEqual(["translations.alreadyTranslated"]);
    const rows = await db.translation.findMany({ where: { contributionId: contribution.id } });
    expect(rows.map((r) => r.body)).toEqual(["نص أفضل"]);
  });

  it("refuses the original's language, languages the dialogue does not run in, and a contribution without title", async () => {
    const { dialogue, contribution, comment } = await germanNeed();
    const volunteer = await participant(dialogue.id);
    const same = await appErrorOf(addTranslation(volunteer, { contributionId: contribution.id, language: "de", title: "T", body: "B" }));
    expect(fieldKeys(same, "language")).toEqual(["translations.sameAsOriginal"]);
    const foreign = await appErrorOf(addTranslation(volunteer, { commentId: comment.id, language: "uk", body: "B" }));
    expect(fieldKeys(foreign, "language")).toEqual(["translations.notDialogueLanguage"]);
    const untitled = await appErrorOf(addTranslation(volunteer, { contributionId: contribution.id, language: "ar", title: "  ", body: "B" }));
    expect(fieldKeys(untitled, "title")).toEqual(["validation.required"]);
    const both = await appErrorOf(addTranslation(volunteer, { contributionId: contribution.id, commentId: comment.id, language: "ar", body: "B" }));
    expect(both.code).toBe("INVALID_INPUT");
    const tooLong = await appErrorOf(addTranslation(volunteer, { commentId: comment.id, language: "ar", body: "x".repeat(10_001) }));
    expect(fieldKeys(tooLong, "body")).toEqual(["validation.too_long"]);
    expect(await db.translation.count({ where: { OR: [{ contributionId: contribution.id }, { commentId: comment.id }] } })).toBe(0);
  });

  it("refuses those who have not joined and the signed-out", async () => {
    const { contribution } = await germanNeed();
    const stranger = await participant((await dialogueIn("COLLECTING")).id);
    const input = { contributionId: contribution.id, language: "ar", title: "T", body: "B" };
    expect((await appErrorOf(addTranslation(stranger, input))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(addTranslation(null, input))).code).toBe("UNAUTHENTICATED");
    expect(await db.translation.count({ where: { contributionId: contribution.id } })).toBe(0);
  });

  it("still translates once the dialogue no longer collects", async () => {
    const { dialogue, comment } = await germanNeed();
    const volunteer = await participant(dialogue.id);
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "RESPONDING" } });
    await expect(addTranslation(volunteer, { commentId: comment.id, language: "ar", body: "ترجمة" })).resolves.toMatchObject({ language: "ar" });
  });
});

describe("checkTranslation", () => {
  it("lets the host team mark a translation as checked, by whom and when", async () => {
    const { dialogue, contribution, comment } = await germanNeed();
    const volunteer = await participant(dialogue.id);
    const checker = await coHost(dialogue.id);
    const translation = await addTranslation(volunteer, { commentId: comment.id, language: "ar", body: "ترجمة" });
    const checked = await checkTranslation(checker, { translationId: translation.id });
    expect(checked.checkedById).toBe(checker.id);
    expect(checked.checkedAt).toBeInstanceOf(Date);
    const { comments } = await listTranslations({ contributionId: contribution.id, commentIds: [comment.id] });
    expect(comments.get(comment.id)?.[0]?.checked?.name).toEqual(expect.any(String));
  });

  it("refuses participants, the translator themselves and the signed-out", async () => {
    const { dialogue, contribution } = await germanNeed();
    const translatingCoHost = await coHost(dialogue.id);
    const volunteer = await participant(dialogue.id);
    const translation = await addTranslation(translatingCoHost, { contributionId: contribution.id, language: "fa", title: "T", body: "B" });
    expect((await appErrorOf(checkTranslation(volunteer, { translationId: translation.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(checkTranslation(translatingCoHost, { translationId: translation.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(checkTranslation(null, { translationId: translation.id }))).code).toBe("UNAUTHENTICATED");
    expect((await db.translation.findUniqueOrThrow({ where: { id: translation.id } })).checkedAt).toBeNull();
  });
});
