// Volunteers translate a poll's question and answers as they translate the dialogue's other texts
// (issue 19, decision 048): the same permission, one version per language, marked VOLUNTEER with
// its writer, and shown to readers as a person's translation. A machine's version gives way to
// theirs; the host team's words and another volunteer's do not; the host team's replace theirs.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadHostTextPage } from "@/lib/pages/host-text-page";
import { loadPollTextPage } from "@/lib/pages/poll-text-page";
import { checkPollText } from "@/lib/polls/check-poll-text";
import { listOpenPolls } from "@/lib/polls/list-open-polls";
import { listPolls } from "@/lib/polls/list-polls";
import { savePollText } from "@/lib/polls/save-poll-text";
import { translatePoll } from "@/lib/polls/translate-poll";
import { addMember, createUser } from "@/tests/support/factories";
import { hostOf } from "@/tests/support/meetings";
import { appErrorOf, dialogueIn, participant, viewerOf } from "@/tests/support/participation";
import { pollIn } from "@/tests/support/polls";

const fieldKeys = (error: { details: Record<string, unknown> }, field: string) =>
  ((error.details.fieldErrors as Record<string, { key: string }[]> | undefined)?.[field] ?? []).map((message) => message.key);

async function dialogueWithPoll(phase: "DRAFT" | "COLLECTING" = "COLLECTING") {
  const dialogue = await dialogueIn("COLLECTING");
  await db.dialogue.update({ where: { id: dialogue.id }, data: { languages: ["de", "ar", "fa"] } });
  const poll = await pollIn(dialogue, { answers: ["Ja", "Nein"] });
  if (phase === "DRAFT") await db.dialogue.update({ where: { id: dialogue.id }, data: { phase } });
  return { dialogue, poll };
}

const arabic = { language: "ar", question: "هل يحتاج السكن إلى غرفة للدراسة؟", answers: ["نعم", "لا"] };

describe("translatePoll", () => {
  it("keeps a member's translation with its writer, and readers see it marked as a person's", async () => {
    const { dialogue, poll } = await dialogueWithPoll();
    const volunteer = await participant(dialogue.id, "LOCAL_ACTOR");
    await translatePoll(volunteer, { pollId: poll.id, ...arabic });
    expect(await db.pollText.findFirst({ where: { pollId: poll.id, language: "ar" } })).toMatchObject({ ...arabic, method: "VOLUNTEER", writtenById: volunteer.id });

    const [onDialoguePage] = await listOpenPolls({ dialogueId: dialogue.id, originalLanguage: "de", locale: "ar", viewerId: null });
    expect(onDialoguePage!.text).toEqual({ question: arabic.question, answers: arabic.answers, language: "ar", source: "volunteer", checked: false });
    const [onPollsPage] = await listPolls(null, { dialogueId: dialogue.id, locale: "ar" });
    expect(onPollsPage!.text.source).toBe("volunteer");
  });

  it("writes over a machine's version and the volunteer's own, never another volunteer's or the host team's; the host team's words replace theirs", async () => {
    const { dialogue, poll } = await dialogueWithPoll();
    const [first, second] = [await participant(dialogue.id, "LOCAL_ACTOR"), await participant(dialogue.id)];
    await db.pollText.create({ data: { pollId: poll.id, dialogueId: dialogue.id, language: "fa", question: "[fa] ?", answers: ["[fa] Ja", "[fa] Nein"], method: "MACHINE" } });
    await translatePoll(first, { pollId: poll.id, language: "fa", question: "آیا خوابگاه به اتاق مطالعه نیاز دارد؟", answers: ["بله", "نه"] });
    expect(await db.pollText.findFirst({ where: { pollId: poll.id, language: "fa" } })).toMatchObject({ method: "VOLUNTEER", writtenById: first.id, answers: ["بله", "نه"] });

    await translatePoll(first, { pollId: poll.id, language: "fa", question: "آیا خوابگاه یک اتاق مطالعه لازم دارد؟", answers: ["بله", "خیر"] });
    const someoneElse = await appErrorOf(translatePoll(second, { pollId: poll.id, language: "fa", question: "؟", answers: ["آری", "نه"] }));
    expect(someoneElse.code).toBe("CONFLICT");
    expect(fieldKeys(someoneElse, "language")).toEqual(["translations.alreadyTranslated"]);
    expect(await db.pollText.findFirst({ where: { pollId: poll.id, language: "fa" } })).toMatchObject({ writtenById: first.id, answers: ["بله", "خیر"] });

    const host = await hostOf(dialogue);
    await savePollText(host, { pollId: poll.id, ...arabic });
    expect((await appErrorOf(translatePoll(first, { pollId: poll.id, ...arabic, question: "سؤال؟" }))).code).toBe("CONFLICT");
    await savePollText(host, { pollId: poll.id, language: "fa", question: "آیا خوابگاه اتاق مطالعه می‌خواهد؟", answers: ["بله", "نه"] });
    expect(await db.pollText.findFirst({ where: { pollId: poll.id, language: "fa" } })).toMatchObject({ method: "AUTHOR", writtenById: host.id });
  });

  it("is refused to the signed-out, to people who did not join, in a draft, into the original's or another language, and with the wrong number of answers", async () => {
    const { dialogue, poll } = await dialogueWithPoll();
    const volunteer = await participant(dialogue.id, "LOCAL_ACTOR");
    expect((await appErrorOf(translatePoll(null, { pollId: poll.id, ...arabic }))).code).toBe("UNAUTHENTICATED");
    expect((await appErrorOf(translatePoll(await viewerOf((await createUser()).id), { pollId: poll.id, ...arabic }))).code).toBe("FORBIDDEN");
    expect(fieldKeys(await appErrorOf(translatePoll(volunteer, { pollId: poll.id, ...arabic, language: "de" })), "language")).toEqual(["translations.sameAsOriginal"]);
    expect(fieldKeys(await appErrorOf(translatePoll(volunteer, { pollId: poll.id, ...arabic, language: "uk" })), "language")).toEqual(["translations.notDialogueLanguage"]);
    expect((await appErrorOf(translatePoll(volunteer, { pollId: poll.id, ...arabic, answers: ["نعم"] }))).code).toBe("INVALID_INPUT");
    const draft = await dialogueWithPoll("DRAFT");
    const early = await participant(draft.dialogue.id, "LOCAL_ACTOR");
    expect((await appErrorOf(translatePoll(early, { pollId: draft.poll.id, ...arabic }))).code).toBe("FORBIDDEN");
    expect(await db.pollText.count({ where: { pollId: { in: [poll.id, draft.poll.id] } } })).toBe(0);
    // The database holds the trace: a volunteer's version has its writer.
    await expect(
      db.pollText.create({ data: { pollId: poll.id, dialogueId: dialogue.id, language: "ar", question: "?", answers: ["a", "b"], method: "VOLUNTEER", writtenById: null } }),
    ).rejects.toThrow(/poll_text_by_a_person_or_machine/);
  });
});

// As volunteers' translations of the dialogue's other texts are checked by a second person from
// the host team (checkTranslation), so are their poll translations.
describe("checkPollText", () => {
  it("lets the host team check a volunteer's version it did not write; readers see it checked, the volunteer may no longer change it, the host team's words end the check", async () => {
    const { dialogue, poll } = await dialogueWithPoll();
    const volunteer = await participant(dialogue.id, "LOCAL_ACTOR");
    await translatePoll(volunteer, { pollId: poll.id, ...arabic });
    const host = await hostOf(dialogue);
    expect((await loadPollTextPage(host, poll.id))!.mayCheck).toBe(true);
    expect((await loadPollTextPage(volunteer, poll.id))!.mayCheck).toBe(false);

    expect(await checkPollText(host, { pollId: poll.id, language: "ar" })).toMatchObject({ method: "VOLUNTEER", checkedById: host.id, checkedAt: expect.any(Date) });
    const [onDialoguePage] = await listOpenPolls({ dialogueId: dialogue.id, originalLanguage: "de", locale: "ar", viewerId: null });
    expect(onDialoguePage!.text).toEqual({ question: arabic.question, answers: arabic.answers, language: "ar", source: "volunteer", checked: true });
    const [onPollsPage] = await listPolls(null, { dialogueId: dialogue.id, locale: "ar" });
    expect(onPollsPage!.text).toMatchObject({ source: "volunteer", checked: true });

    // Checked, it is no longer the volunteer's to change; nor anyone else's but the host team's.
    const own = await appErrorOf(translatePoll(volunteer, { pollId: poll.id, ...arabic, question: "هل تحتاج السكن غرفة دراسة؟" }));
    expect(own.code).toBe("CONFLICT");
    expect(fieldKeys(own, "language")).toEqual(["translations.alreadyTranslated"]);
    // Checking again changes nothing.
    const checkedAt = (await db.pollText.findFirstOrThrow({ where: { pollId: poll.id, language: "ar" } })).checkedAt;
    const coHostUser = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(dialogue.id, coHostUser.id, "CO_HOST");
    expect(await checkPollText(await viewerOf(coHostUser.id), { pollId: poll.id, language: "ar" })).toMatchObject({ checkedById: host.id, checkedAt });

    await savePollText(host, { pollId: poll.id, ...arabic, question: "هل يحتاج السكن غرفةً للدراسة؟" });
    expect(await db.pollText.findFirst({ where: { pollId: poll.id, language: "ar" } })).toMatchObject({ method: "AUTHOR", checkedById: null, checkedAt: null });
  });

  it("is refused for one's own version, for a version that is not a volunteer's, to everyone outside the host team — and the database refuses such a check", async () => {
    const { dialogue, poll } = await dialogueWithPoll();
    const host = await hostOf(dialogue);
    const volunteer = await participant(dialogue.id, "LOCAL_ACTOR");
    await translatePoll(volunteer, { pollId: poll.id, ...arabic });
    await translatePoll(host, { pollId: poll.id, language: "fa", question: "آیا خوابگاه به اتاق مطالعه نیاز دارد؟", answers: ["بله", "نه"] });

    expect((await appErrorOf(checkPollText(null, { pollId: poll.id, language: "ar" }))).code).toBe("UNAUTHENTICATED");
    expect((await appErrorOf(checkPollText(await participant(dialogue.id), { pollId: poll.id, language: "ar" }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(checkPollText(await viewerOf((await createUser()).id), { pollId: poll.id, language: "ar" }))).code).toBe("FORBIDDEN");
    // A host who translated as a volunteer does not check their own version.
    expect((await appErrorOf(checkPollText(host, { pollId: poll.id, language: "fa" }))).code).toBe("FORBIDDEN");
    // Nothing to check: no version, or the original's language.
    expect((await appErrorOf(checkPollText(host, { pollId: poll.id, language: "de" }))).code).toBe("NOT_FOUND");
    await savePollText(host, { pollId: poll.id, ...arabic });
    expect((await appErrorOf(checkPollText(host, { pollId: poll.id, language: "ar" }))).code).toBe("NOT_FOUND");
    expect(await db.pollText.count({ where: { pollId: poll.id, checkedAt: { not: null } } })).toBe(0);

    const fa = { pollId_language: { pollId: poll.id, language: "fa" } };
    await expect(db.pollText.update({ where: fa, data: { checkedById: host.id, checkedAt: new Date() } })).rejects.toThrow(/poll_text_checked_by_someone_else/);
    await expect(db.pollText.update({ where: { pollId_language: { pollId: poll.id, language: "ar" } }, data: { checkedById: volunteer.id, checkedAt: new Date() } })).rejects.toThrow(
      /poll_text_checked_by_someone_else/,
    );
    await expect(db.pollText.update({ where: fa, data: { checkedById: volunteer.id } })).rejects.toThrow(/poll_text_checked_by_someone_else/);
  });
});

describe("the translator's pages", () => {
  it("lists the dialogue's polls on its texts page, and opens a poll's texts page to volunteers and the host team only", async () => {
    const { dialogue, poll } = await dialogueWithPoll();
    const volunteer = await participant(dialogue.id, "LOCAL_ACTOR");
    expect((await loadHostTextPage(volunteer, "dialogue", dialogue.id))!.polls).toEqual([{ id: poll.id, question: poll.question }]);

    expect(await loadPollTextPage(volunteer, poll.id)).toMatchObject({ id: poll.id, mayWrite: false, languages: ["de", "ar", "fa"], original: { answers: ["Ja", "Nein"], language: "de" } });
    expect(await loadPollTextPage(await hostOf(dialogue), poll.id)).toMatchObject({ mayWrite: true });
    expect(await loadPollTextPage(null, poll.id)).toBeNull();
    expect(await loadPollTextPage(await viewerOf((await createUser()).id), poll.id)).toBeNull();
  });
});
