// An answer carries the language it is written in (issue 13): the staff member says which of
// the dialogue's languages; left out, the dialogue's first. The timeline stays append-only.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { postResponse } from "@/lib/responses/post-response";
import { createContribution } from "@/tests/support/factories";
import { refusal } from "@/tests/db/expect-constraint";
import { appErrorOf, fieldKeys, publishedDialogue } from "@/tests/support/accountability";

describe("an answer's language", () => {
  it("stores the language staff name, the dialogue's first when they name none, and refuses one the dialogue does not use", async () => {
    const { dialogue, staff } = await publishedDialogue("RESPONDING");
    await db.dialogue.update({ where: { id: dialogue.id }, data: { languages: ["de", "ar"] } });
    const need = await createContribution({ dialogueId: dialogue.id, kind: "NEED", language: "ar" });
    const inArabic = await postResponse(staff, { contributionId: need.id, status: "UNDER_REVIEW", body: "نحن ندرس الأمر.", language: "ar" });
    const unnamed = await postResponse(staff, { contributionId: need.id, status: "PLANNED", body: "Wir planen es." });
    const rows = await db.response.findMany({ where: { id: { in: [inArabic.id, unnamed.id] } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.language)).toEqual(["ar", "de"]);

    const refused = await appErrorOf(postResponse(staff, { contributionId: need.id, status: "DONE", body: "Готово.", language: "uk" }));
    expect(fieldKeys(refused, "language")).toEqual(["responses.languageNotOfDialogue"]);
    // The language is part of the record: it cannot be changed afterwards either.
    expect(await refusal(db.response.update({ where: { id: inArabic.id }, data: { language: "de" } }))).toMatchObject({ constraint: "response_append_only" });
    // Written without a language (older writers), the database fills the dialogue's first.
    const raw = await db.response.create({ data: { contributionId: need.id, authorId: staff.id, status: "DONE", body: "Erledigt." } });
    expect(raw.language).toBe("de");
  });
});
