// The own account (principle 6, privacy by design): change what others see, take one's data
// along as JSON, and delete the account, keeping or removing what one said.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { updateProfile } from "@/lib/accounts/update-profile";
import { exportOwnData } from "@/lib/accounts/export-own-data";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { generateSignInCode, hashSignInCode } from "@/lib/auth/sign-in-code";
import { createSession } from "@/lib/auth/sessions";
import { answerPoll } from "@/lib/polls/answer-poll";
import { checkPollText } from "@/lib/polls/check-poll-text";
import { translatePoll } from "@/lib/polls/translate-poll";
import { addTranslation } from "@/lib/translations/add-translation";
import { checkTranslation } from "@/lib/translations/check-translation";
import { addMember, createComment, createContribution, createDialogue, createUser, openDialogue, unique } from "@/tests/support/factories";
import { participant } from "@/tests/support/participation";
import { hostOf } from "@/tests/support/meetings";
import { pollIn } from "@/tests/support/polls";
import { germanNeed } from "@/tests/translations/support";
import { appErrorOf, fieldKeys, viewerOf, invalidInputOf } from "@/tests/support/viewers";

const profile = { displayName: "Nour", locale: "en", perspective: "LIVED_EXPERIENCE" as const, email: null };

async function userWithCode() {
  const signIn = generateSignInCode();
  return createUser({
    perspective: "LIVED_EXPERIENCE",
    showPerspective: true,
    email: `${unique("nour")}@example.org`,
    emailVerified: new Date(),
    signInHandle: signIn.handle,
    signInCodeHash: await hashSignInCode(signIn.code),
  });
}

describe("updateProfile", () => {
  it("changes name, language, perspective and its visibility, digest and e-mail (lower-cased)", async () => {
    const user = await createUser({ showPerspective: false, emailDigest: true });
    const email = `${unique("Nour")}@Example.ORG`;
    await updateProfile(await viewerOf(user.id), { ...profile, showPerspective: true, email });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      displayName: "Nour",
      locale: "en",
      perspective: "LIVED_EXPERIENCE",
      showPerspective: true,
      emailDigest: false,
      email: email.toLowerCase(),
    });

    // A phone keyboard's space after a suggested address is forgiven; blank means "no e-mail".
    await updateProfile(await viewerOf(user.id), { ...profile, email: ` ${email} ` });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(email.toLowerCase());
    await updateProfile(await viewerOf(user.id), { ...profile, displayName: "  Nour A.  ", emailDigest: true, email: null });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      displayName: "Nour A.",
      showPerspective: false,
      emailDigest: true,
      email: null,
    });
  });

  it("refuses an address another account has, without saying more", async () => {
    const other = await createUser({ email: `${unique("taken")}@example.org` });
    const user = await createUser();
    const error = await appErrorOf(updateProfile(await viewerOf(user.id), { ...profile, email: other.email!.toUpperCase() }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "email")).toEqual(["errors.email_unavailable"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBeNull();
  });

  it("forgets that an address was confirmed when it changes, and the links sent to the old one", async () => {
    const user = await userWithCode();
    await db.verificationToken.create({ data: { identifier: user.email!, token: unique("hashed"), expires: new Date(Date.now() + 60_000) } });
    const viewer = await viewerOf(user.id);

    await updateProfile(viewer, { ...profile, email: user.email! });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);

    const changed = `${unique("new")}@example.org`;
    await updateProfile(viewer, { ...profile, email: changed });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email: changed, emailVerified: null });
    expect(await db.verificationToken.count({ where: { identifier: user.email! } })).toBe(0);
  });

  it("refuses bidi overrides in the name and a malformed e-mail", async () => {
    const user = await createUser();
    const viewer = await viewerOf(user.id);
    const name = await invalidInputOf(updateProfile(viewer, { ...profile, displayName: "Nour\u202Enimda" }));
    expect(name.issues).toEqual([expect.objectContaining({ path: ["displayName"], message: "validation.invalid_characters" })]);
    const email = await invalidInputOf(updateProfile(viewer, { ...profile, email: "not-an-address" }));
    expect(email.issues).toEqual([expect.objectContaining({ path: ["email"], message: "validation.email" })]);
  });

  it("is refused to a signed-out visitor, and allowed to a suspended account", async () => {
    expect((await appErrorOf(updateProfile(null, profile))).code).toBe("UNAUTHENTICATED");
    const suspended = await createUser({ suspendedAt: new Date() });
    await updateProfile(await viewerOf(suspended.id), profile);
    expect((await db.user.findUniqueOrThrow({ where: { id: suspended.id } })).displayName).toBe("Nour");
  });
});

describe("exportOwnData", () => {
  it("contains the account and what the person said, and nothing of anyone else", async () => {
    const dialogue = await createDialogue();
    const user = await userWithCode();
    const { sessionToken } = await createSession(user.id);
    const own = await createContribution({ dialogueId: dialogue.id, authorId: user.id });
    const others = await createContribution({ dialogueId: dialogue.id });
    const ownComment = await createComment({ contributionId: others.id, authorId: user.id });
    const othersComment = await createComment({ contributionId: own.id });
    await db.support.create({ data: { contributionId: others.id, userId: user.id, perspective: "LIVED_EXPERIENCE" } });
    await db.follow.create({ data: { contributionId: others.id, userId: user.id } });
    await openDialogue(dialogue.id);
    const poll = await pollIn(dialogue, { choice: "MULTIPLE", answers: ["Morgens", "Mittags", "Abends"] });
    await addMember(dialogue.id, user.id, "PARTICIPANT");
    await answerPoll(await viewerOf(user.id), { pollId: poll.id, optionIds: [poll.options[2]!.id, poll.options[0]!.id] });
    const someoneElse = await participant(dialogue.id, "LOCAL_ACTOR");
    await answerPoll(someoneElse, { pollId: poll.id, optionIds: [poll.options[1]!.id] });

    const exported = await exportOwnData(await viewerOf(user.id));
    const json = JSON.stringify(exported);
    expect(JSON.parse(json)).toMatchObject({
      account: {
        id: user.id,
        displayName: user.displayName,
        email: user.email,
        perspective: "LIVED_EXPERIENCE",
        contributions: [expect.objectContaining({ id: own.id, title: own.title, body: own.body })],
        comments: [expect.objectContaining({ id: ownComment.id, body: ownComment.body })],
        supports: [expect.objectContaining({ contributionId: others.id })],
        follows: [expect.objectContaining({ contributionId: others.id, unfollowedAt: null })],
        pollAnswers: [{ pollId: poll.id, dialogue: dialogue.title, question: poll.question, answers: ["Morgens", "Abends"], perspective: "LIVED_EXPERIENCE", createdAt: expect.any(String), updatedAt: expect.any(String) }],
      },
    });
    expect(json).not.toContain("Mittags");
    expect(json).not.toContain(others.title);
    expect(json).not.toContain(othersComment.body);
    expect(json).not.toContain(user.signInCodeHash!);
    expect(json).not.toContain(sessionToken);
  });

  // A poll's question in another language is the volunteer's words, and the host's check is
  // what the host vouched for: each finds it in their own download, word for word.
  it("holds the poll texts the person wrote and those they checked", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    await db.dialogue.update({ where: { id: dialogue.id }, data: { languages: ["de", "ar"] } });
    const poll = await pollIn(dialogue, { answers: ["Ja", "Nein"] });
    const volunteer = await participant(dialogue.id, "LOCAL_ACTOR");
    const arabic = { language: "ar", question: `هل يحتاج السكن إلى غرفة للدراسة؟ ${unique("q")}`, answers: ["نعم", "لا"] };
    await translatePoll(volunteer, { pollId: poll.id, ...arabic });
    const host = await hostOf(dialogue);
    await checkPollText(host, { pollId: poll.id, language: "ar" });

    const written = { pollId: poll.id, ...arabic, method: "VOLUNTEER", checkedAt: expect.any(String) };
    expect(JSON.parse(JSON.stringify(await exportOwnData(volunteer))).account).toMatchObject({ pollTextsWritten: [written], pollTextsChecked: [] });
    // The host vouched for the volunteer's words; the words stay the volunteer's (decision 076).
    const hostsDownload = JSON.stringify(await exportOwnData(host));
    expect(JSON.parse(hostsDownload).account).toMatchObject({ pollTextsChecked: [{ pollId: poll.id, language: "ar", checkedAt: expect.any(String) }] });
    expect(hostsDownload).not.toContain(arabic.question);
  });

  // Who checked a translation keeps that they vouched for it; the words are the writer's, and
  // a withdrawn, hidden or deleted text is shown to nobody, the checker included (decision 076).
  it.each([
    ["withdrawn by its author", "contribution", (ids: { contributionId: string }) => db.contribution.update({ where: { id: ids.contributionId }, data: { withdrawnAt: new Date() } })],
    ["hidden by a moderator", "contribution", (ids: { contributionId: string }) => db.contribution.update({ where: { id: ids.contributionId }, data: { hiddenAt: new Date(), hiddenCategory: "PERSONAL_DATA" } })],
    ["deleted", "comment", (ids: { commentId: string }) => db.comment.update({ where: { id: ids.commentId }, data: { deletedAt: new Date() } })],
  ] as const)("keeps of a checked translation whose subject is %s only that it was checked", async (_, kind, remove) => {
    const { dialogue, contribution, comment, host } = await germanNeed();
    const volunteer = await participant(dialogue.id, "LOCAL_ACTOR");
    const words = `لا يوجد إنترنت ${unique("words")}`;
    const title = `واي فاي ${unique("title")}`;
    const translation =
      kind === "contribution"
        ? await addTranslation(volunteer, { contributionId: contribution.id, language: "ar", title, body: words })
        : await addTranslation(volunteer, { commentId: comment.id, language: "ar", body: words });
    await checkTranslation(host, { translationId: translation.id });
    await remove({ contributionId: contribution.id, commentId: comment.id });

    const download = JSON.stringify(await exportOwnData(host));
    const subject = { kind, id: kind === "contribution" ? contribution.id : comment.id };
    expect(JSON.parse(download).account.translationsChecked).toEqual([{ translationId: translation.id, subject, language: "ar", checkedAt: expect.any(String) }]);
    expect(download).not.toContain(words);
    expect(download).not.toContain(title);
    expect(download).not.toContain(contribution.body);
    expect(download).not.toContain(comment.body);
  });

  it("is refused to a signed-out visitor", async () => {
    expect((await appErrorOf(exportOwnData(null))).code).toBe("UNAUTHENTICATED");
  });
});

describe("deleteAccount", () => {
  async function personWhoSpoke() {
    const dialogue = await createDialogue();
    const user = await userWithCode();
    const contribution = await createContribution({ dialogueId: dialogue.id, authorId: user.id });
    const others = await createContribution({ dialogueId: dialogue.id });
    const comment = await createComment({ contributionId: others.id, authorId: user.id });
    await db.translation.create({ data: { contributionId: contribution.id, language: "ar", title: "عنوان", body: "نص", method: "MACHINE" } });
    await createSession(user.id);
    await createSession(user.id);
    await db.account.create({ data: { userId: user.id, type: "email", provider: "email", providerAccountId: user.email! } });
    await db.verificationToken.create({ data: { identifier: user.email!, token: unique("hashed"), expires: new Date(Date.now() + 60_000) } });
    return { user, contribution, others, comment, viewer: await viewerOf(user.id) };
  }

  it("anonymises the account and ends every session; what was said stays, from a deleted account", async () => {
    const { user, contribution, comment, viewer } = await personWhoSpoke();
    await db.follow.create({ data: { contributionId: contribution.id, userId: user.id } });
    await deleteAccount(viewer, { confirm: true });

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({
      displayName: "—",
      email: null,
      emailVerified: null,
      signInHandle: null,
      signInCodeHash: null,
      showPerspective: false,
    });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.follow.count({ where: { userId: user.id } })).toBe(0);
    // A sign-in link sent before the deletion no longer names the address.
    expect(await db.verificationToken.count({ where: { identifier: user.email! } })).toBe(0);

    expect(await db.contribution.findUniqueOrThrow({ where: { id: contribution.id } })).toMatchObject({
      authorId: user.id,
      title: contribution.title,
      body: contribution.body,
      withdrawnAt: null,
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ authorId: user.id, body: comment.body });
    expect(await db.translation.count({ where: { contributionId: contribution.id } })).toBe(1);
  });

  it("with removeContributions, withdraws what the person said and removes its text, and nobody else's", async () => {
    const { user, contribution, others, comment, viewer } = await personWhoSpoke();
    await deleteAccount(viewer, { confirm: true, removeContributions: true });

    const removed = await db.contribution.findUniqueOrThrow({ where: { id: contribution.id } });
    expect(removed).toMatchObject({ authorId: user.id, title: "—", body: "—", districtText: null });
    expect(removed.withdrawnAt).toBeInstanceOf(Date);
    const removedComment = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(removedComment).toMatchObject({ authorId: user.id, body: "—" });
    expect(removedComment.deletedAt).toBeInstanceOf(Date);
    expect(await db.translation.count({ where: { contributionId: contribution.id } })).toBe(0);

    expect(await db.contribution.findUniqueOrThrow({ where: { id: others.id } })).toMatchObject({
      title: others.title,
      body: others.body,
      withdrawnAt: null,
    });
  });

  it("needs the confirmation box, and a signed-in viewer", async () => {
    const user = await createUser();
    const error = await invalidInputOf(deleteAccount(await viewerOf(user.id), {} as { confirm: true }));
    expect(error.issues).toEqual([expect.objectContaining({ path: ["confirm"], message: "validation.required" })]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).toBeNull();
    expect((await appErrorOf(deleteAccount(null, { confirm: true }))).code).toBe("UNAUTHENTICATED");
  });
});
