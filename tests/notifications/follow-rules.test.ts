// Who is told what (decision 030): followers of a contribution hear of comments, answers, hides
// and restores; members and followers of a dialogue of phase changes and meetings; moderators of
// new reports; reporters of the outcome. Never the actor, never someone who does not follow or
// unfollowed, never a deleted account; each in their own language; a burst is one row with a
// count; one event is one INSERT.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createComment } from "@/lib/comments/create-comment";
import { createContribution } from "@/lib/contributions/create-contribution";
import { advancePhase } from "@/lib/dialogues/advance-phase";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { createReport } from "@/lib/moderation/create-report";
import { dismissReports } from "@/lib/moderation/dismiss-reports";
import { hideContent } from "@/lib/moderation/hide-content";
import { unhideContent } from "@/lib/moderation/unhide-content";
import { moderationLink } from "@/lib/moderation/moderation-link";
import { countUnread } from "@/lib/notifications/count-unread";
import { follow } from "@/lib/notifications/follows";
import { insertNotifications } from "@/lib/notifications/insert-notifications";
import { listFollows } from "@/lib/notifications/list-follows";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markAllRead } from "@/lib/notifications/mark-read";
import { notificationSentence } from "@/lib/notifications/notification-sentence";
import { setFollowing } from "@/lib/notifications/set-following";
import { postResponse } from "@/lib/responses/post-response";
import { giveSupport } from "@/lib/supports/give-support";
import { addMember, createUser } from "@/tests/support/factories";
import { appErrorOf, dialogueIn, postInput, viewerOf } from "@/tests/support/participation";
import type { DialogueWithThemes } from "@/tests/support/factories";

type Person = Awaited<ReturnType<typeof viewerOf>>;

async function personIn(dialogueId: string, locale: string, role: "PARTICIPANT" | "MODERATOR" = "PARTICIPANT"): Promise<Person> {
  const user = await createUser({ locale, perspective: "LOCAL_ACTOR" });
  await addMember(dialogueId, user.id, role);
  return viewerOf(user.id);
}

/** Nour (Arabic) posts a need, Olena (Ukrainian) supports it, Jonas (German) comments; Emma (English) only reads. */
async function thread(dialogue?: DialogueWithThemes) {
  dialogue ??= await dialogueIn("COLLECTING");
  const nour = await personIn(dialogue.id, "ar");
  const olena = await personIn(dialogue.id, "uk");
  const jonas = await personIn(dialogue.id, "de");
  const emma = await personIn(dialogue.id, "en");
  const need = await createContribution(nour, postInput(dialogue, { title: unique("WLAN in Haus 3") }));
  await giveSupport(olena, { contributionId: need.id });
  await createComment(jonas, { contributionId: need.id, body: "Das kenne ich aus Haus 5.", language: "de" });
  await db.notification.deleteMany({ where: { contributionId: need.id } });
  const staff = await createUser({ perspective: "MUNICIPAL_STAFF", locale: "de" });
  await db.municipalityMembership.create({ data: { userId: staff.id, municipalityId: dialogue.municipalityId, role: "STAFF" } });
  return { dialogue, need: { ...need, title: (await db.contribution.findUniqueOrThrow({ where: { id: need.id } })).title }, nour, olena, jonas, emma, staff: await viewerOf(staff.id) };
}

let counter = 0;
const unique = (text: string) => `${text} ${++counter}-${Date.now() % 100000}`;

const rowsAbout = (subjectId: string) =>
  db.notification.findMany({ where: { subjectId }, orderBy: { userId: "asc" }, select: { userId: true, type: true, count: true, readAt: true } });
const typesBy = async (subjectId: string) => Object.fromEntries((await rowsAbout(subjectId)).map((row) => [row.userId, row.type]));

/** The newest notification of `person`, as a sentence in their own language (User.locale). */
async function newestSentence(person: Person): Promise<string> {
  const { locale } = await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { locale: true } });
  const { items } = await listNotifications(person, {}, locale);
  return (await notificationSentence(locale))(items[0]!);
}

describe("a comment", () => {
  it("tells the author, supporters and earlier commenters — not the commenter, not a reader who follows nothing — each in their language", async () => {
    const { need, nour, olena, jonas, emma } = await thread();
    await createComment(emma, { contributionId: need.id, body: "Gibt es schon einen Termin?", language: "de" });

    expect(await typesBy(need.id)).toEqual({ [nour.id]: "COMMENT_POSTED", [olena.id]: "COMMENT_POSTED", [jonas.id]: "COMMENT_POSTED" });
    expect(await newestSentence(nour)).toBe(`تعليق جديد على «${need.title}»`);
    expect(await newestSentence(olena)).toBe(`1 новий коментар до «${need.title}»`);
    expect(await newestSentence(jonas)).toBe(`1 neuer Kommentar zu „${need.title}“`);
    // Emma follows it now that she commented; her own comment told her nothing.
    await createComment(jonas, { contributionId: need.id, body: "Noch nicht.", language: "de" });
    expect(await newestSentence(emma)).toBe(`1 new comment on “${need.title}”`);
  });

  it("a reply tells the parent's author as a reply (not twice), and the other followers as a comment", async () => {
    const { need, nour, olena, jonas, emma } = await thread();
    const parent = await db.comment.findFirstOrThrow({ where: { contributionId: need.id, authorId: jonas.id } });
    const reply = await createComment(emma, { contributionId: need.id, parentId: parent.id, body: "Welches Haus?", language: "de" });
    expect(await typesBy(need.id)).toEqual({ [nour.id]: "COMMENT_POSTED", [olena.id]: "COMMENT_POSTED", [jonas.id]: "COMMENT_REPLY" });
    const [row] = await db.notification.findMany({ where: { userId: jonas.id } });
    expect(row!.commentId).toBe(reply.id);
  });

  it("a burst is one unread row per follower with its count; the header counts it once; after reading, a new row starts", async () => {
    const { dialogue, need, nour, emma } = await thread();
    await db.user.update({ where: { id: nour.id }, data: { locale: "en" } });
    const commenters = await Promise.all(Array.from({ length: 12 }, () => personIn(dialogue.id, "de")));
    for (const commenter of commenters) await createComment(commenter, { contributionId: need.id, body: "Ich auch.", language: "de" });

    const nours = await db.notification.findMany({ where: { userId: nour.id } });
    expect(nours.map((row) => [row.type, row.count])).toEqual([["COMMENT_POSTED", 12]]);
    expect(await countUnread(nour)).toBe(1);
    expect(await newestSentence(nour)).toBe(`12 new comments on “${need.title}”`);
    // The first commenter heard of the eleven after them, in one row.
    expect((await db.notification.findMany({ where: { userId: commenters[0]!.id } })).map((row) => row.count)).toEqual([11]);
    expect(await db.notification.count({ where: { userId: emma.id } })).toBe(0);

    await markAllRead(nour);
    await createComment(commenters[0]!, { contributionId: need.id, body: "Nachtrag.", language: "de" });
    const after = await db.notification.findMany({ where: { userId: nour.id }, orderBy: { createdAt: "asc" }, select: { count: true, readAt: true } });
    expect(after).toEqual([
      { count: 12, readAt: expect.any(Date) },
      { count: 1, readAt: null },
    ]);
  });

  it("is written for all followers in one statement, not one per follower", async () => {
    const { dialogue, need } = await thread();
    const many = await Promise.all(Array.from({ length: 40 }, () => createUser({ locale: "de" })));
    await db.follow.createMany({ data: many.map((user) => ({ userId: user.id, contributionId: need.id })) });
    // Every query the function could make goes through the client it is given: count them.
    let statements = 0;
    const written = await db.$transaction(async (tx) => {
      const counting = new Proxy(tx, {
        get(target, property) {
          const value = Reflect.get(target, property) as unknown;
          if (typeof property === "string" && (/^\$(query|execute)/.test(property) || (typeof value === "object" && value !== null && "findMany" in value))) statements += 1;
          return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      }) as Prisma.TransactionClient;
      return insertNotifications(
        counting,
        { subjectId: need.id, dialogueId: dialogue.id, contributionId: need.id, to: [{ type: "COMMENT_POSTED", audience: { kind: "contributionFollowers", contributionId: need.id } }] },
        null,
      );
    });
    expect(statements).toBe(1);
    // The 40 and the thread's three (author, supporter, commenter).
    expect(written).toHaveLength(43);
    expect(new Set(written.map((row) => row.userId)).size).toBe(43);
  });
});

describe("following and unfollowing", () => {
  it("someone who unfollowed hears nothing more, commenting again does not follow again, following again does", async () => {
    const { need, olena, jonas, emma } = await thread();
    await setFollowing(olena, { target: "contribution", targetId: need.id, following: "no" });
    await setFollowing(jonas, { target: "contribution", targetId: need.id, following: "no" });
    await createComment(jonas, { contributionId: need.id, body: "Noch eine Frage.", language: "de" });
    await createComment(emma, { contributionId: need.id, body: "Welche?", language: "de" });
    const types = await typesBy(need.id);
    expect(types[olena.id]).toBeUndefined();
    expect(types[jonas.id]).toBeUndefined();

    await setFollowing(olena, { target: "contribution", targetId: need.id, following: "yes" });
    await createComment(emma, { contributionId: need.id, body: "Und noch etwas.", language: "de" });
    expect((await typesBy(need.id))[olena.id]).toBe("COMMENT_POSTED");
  });

  it("the account page lists what one follows; a follow of a hidden contribution is not named", async () => {
    const { dialogue, need, olena } = await thread();
    const listed = await listFollows(olena, "uk");
    expect(listed.map((item) => [item.target, item.id, item.asMember])).toEqual([
      ["contribution", need.id, false],
      ["dialogue", dialogue.id, true],
    ]);
    await db.contribution.update({ where: { id: need.id }, data: { hiddenAt: new Date(), hiddenCategory: "SPAM" } });
    expect((await listFollows(olena, "uk")).map((item) => item.target)).toEqual(["dialogue"]);
    await setFollowing(olena, { target: "dialogue", targetId: dialogue.id, following: "no" });
    expect(await listFollows(olena, "uk")).toEqual([]);
  });

  it("is refused signed out, for a draft dialogue and a hidden contribution; unfollowing a hidden one works, also suspended", async () => {
    const { need, olena } = await thread();
    const draft = await dialogueIn("DRAFT");
    expect((await appErrorOf(setFollowing(null, { target: "contribution", targetId: need.id, following: "yes" }))).code).toBe("UNAUTHENTICATED");
    expect((await appErrorOf(setFollowing(olena, { target: "dialogue", targetId: draft.id, following: "yes" }))).code).toBe("FORBIDDEN");
    await db.contribution.update({ where: { id: need.id }, data: { hiddenAt: new Date(), hiddenCategory: "SPAM" } });
    expect((await appErrorOf(setFollowing(olena, { target: "contribution", targetId: need.id, following: "yes" }))).code).toBe("NOT_FOUND");
    await setFollowing({ ...olena, suspended: true }, { target: "contribution", targetId: need.id, following: "no" });
    expect(await db.follow.findFirst({ where: { userId: olena.id, contributionId: need.id }, select: { unfollowedAt: true } })).toEqual({ unfollowedAt: expect.any(Date) });
  });

  it("follow() — for attaching a receipt — follows again after an unfollow", async () => {
    const { need, olena } = await thread();
    await setFollowing(olena, { target: "contribution", targetId: need.id, following: "no" });
    await follow(olena.id, { contributionId: need.id });
    expect(await db.follow.findFirst({ where: { userId: olena.id, contributionId: need.id }, select: { unfollowedAt: true } })).toEqual({ unfollowedAt: null });
  });
});

describe("an answer", () => {
  it("tells the author as 'your need' and followers as 'the need you follow' — not the staff who answered", async () => {
    const { need, nour, olena, jonas, emma, staff } = await thread();
    await postResponse(staff, { contributionId: need.id, status: "PLANNED", body: "Der Router kommt im Mai." });
    expect(await typesBy(need.id)).toEqual({ [nour.id]: "RESPONSE_POSTED", [olena.id]: "RESPONSE_POSTED", [jonas.id]: "RESPONSE_POSTED" });
    expect(await newestSentence(nour)).toMatch(new RegExp(`^ردّت البلدية على حاجتك «${need.title}»: `));
    expect(await newestSentence(olena)).toMatch(new RegExp(`^Громада відповіла на потребу «${need.title}», за яким ви стежите: `));
    expect(await db.notification.count({ where: { userId: { in: [emma.id, staff.id] } } })).toBe(0);
  });
});

describe("hiding and restoring", () => {
  it("the author is told with the category, followers only that a contribution they follow was hidden — and no earlier notification names it any more", async () => {
    const { dialogue, need, nour, olena, jonas, emma } = await thread();
    await createComment(emma, { contributionId: need.id, body: "Frage.", language: "de" });
    const moderator = await personIn(dialogue.id, "de", "MODERATOR");
    await createReport(emma, { dialogueId: dialogue.id, itemType: "contribution", itemId: need.id, category: "PERSONAL_DATA", reason: "Telefonnummer." });
    await db.notification.deleteMany({ where: { type: { in: ["REPORT_CREATED"] } } });
    await hideContent(moderator, { itemType: "contribution", itemId: need.id, category: "PERSONAL_DATA", reason: "Enthält eine Nummer." });

    const hidden = (await rowsAbout(need.id)).filter((row) => row.type !== "COMMENT_POSTED");
    expect(Object.fromEntries(hidden.map((row) => [row.userId, row.type]))).toEqual({
      [nour.id]: "CONTENT_HIDDEN",
      [olena.id]: "FOLLOWED_HIDDEN",
      [jonas.id]: "FOLLOWED_HIDDEN",
      // The reporter follows it (she commented): the outcome of her report is what she is told.
      [emma.id]: "REPORT_UPHELD",
    });
    expect(await newestSentence(nour)).toBe(`تم إخفاء مساهمتك «${need.title}»: ${await categoryIn("ar", "PERSONAL_DATA")}`);
    const olenaSentences = await allSentences(olena);
    expect(olenaSentences).toContain(`Модератори приховали допис, за яким ви стежите: ${await categoryIn("uk", "PERSONAL_DATA")}`);
    // Her earlier "new comment" notification does not name the hidden title either.
    expect(olenaSentences.join(" ")).not.toContain(need.title);
    const emmaSentences = await allSentences(emma);
    expect(emmaSentences[0]).toBe("The moderators hid a contribution that you reported. Thank you");
    expect(emmaSentences.join(" ")).not.toContain(moderator.displayName);

    await unhideContent(moderator, { itemType: "contribution", itemId: need.id, reason: "Nummer war die der Beratungsstelle." });
    expect(await db.notification.count({ where: { userId: olena.id, type: "FOLLOWED_RESTORED", subjectId: need.id } })).toBe(1);
    expect(await newestSentence(olena)).toBe(`«${need.title}», за яким ви стежите, знову видно`);
    expect(await newestSentence(nour)).toBe(`مساهمتك «${need.title}» ظاهرة من جديد`);
  });
});

describe("reports", () => {
  it("tell the dialogue's and the municipality's moderators — not the reporter, not hosts, not another municipality's — and the header counts them", async () => {
    const { dialogue, need, emma, staff } = await thread();
    const dialogueModerator = await personIn(dialogue.id, "de", "MODERATOR");
    const municipalModerator = await createUser({ locale: "fa" });
    await db.municipalityMembership.create({ data: { userId: municipalModerator.id, municipalityId: dialogue.municipalityId, role: "MODERATOR" } });
    const elsewhere = await dialogueIn("COLLECTING");
    const otherModerator = await createUser({ locale: "de" });
    await db.municipalityMembership.create({ data: { userId: otherModerator.id, municipalityId: elsewhere.municipalityId, role: "MODERATOR" } });
    const comment = await db.comment.findFirstOrThrow({ where: { contributionId: need.id } });

    await createReport(emma, { dialogueId: dialogue.id, itemType: "comment", itemId: comment.id, category: "INSULT", reason: "Beleidigend." });
    const told = await db.notification.findMany({ where: { type: "REPORT_CREATED" , subjectId: comment.id }, select: { userId: true } });
    expect(told.map((row) => row.userId).sort()).toEqual([dialogueModerator.id, municipalModerator.id].sort());
    expect(await newestSentence(await viewerOf(municipalModerator.id))).toBe(`1 گزارش تازه دربارهٔ «${need.title}»`.replace("1", (1).toLocaleString("fa")));

    // A second report of the same comment is the same unread row, counting 2.
    const second = await personIn(dialogue.id, "de");
    await createReport(second, { dialogueId: dialogue.id, itemType: "comment", itemId: comment.id, category: "INSULT", reason: "Ja." });
    expect((await db.notification.findMany({ where: { userId: dialogueModerator.id } })).map((row) => row.count)).toEqual([2]);

    const municipal = await moderationLink(await viewerOf(municipalModerator.id));
    const { slug } = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    expect(municipal).toEqual({ count: 2, path: `/${slug}/moderation` });
    expect(await moderationLink(dialogueModerator)).toEqual({ count: 2, path: `/${slug}/${dialogue.slug}/moderation` });
    expect(await moderationLink(await viewerOf(otherModerator.id))).toEqual({ count: 0, path: expect.stringMatching(/\/moderation$/) });
    expect(await moderationLink(staff)).toBeNull();
    expect(await moderationLink(emma)).toBeNull();
  });

  it("dismissed: each reporter learns it in their language, without the moderator's name", async () => {
    const { dialogue, need, olena } = await thread();
    const moderator = await personIn(dialogue.id, "de", "MODERATOR");
    await createReport(olena, { dialogueId: dialogue.id, itemType: "contribution", itemId: need.id, category: "SPAM", reason: "Werbung?" });
    await dismissReports(moderator, { itemType: "contribution", itemId: need.id, reason: "Keine Werbung." });
    expect(await newestSentence(olena)).toBe(`Модератори подивилися «${need.title}», на що ви поскаржилися: його й далі видно`);
    expect(await moderationLink(moderator)).toMatchObject({ count: 0 });
  });
});

describe("a dialogue's phase and meetings", () => {
  it("tell its members and followers — not the host who acted, not a member who unfollowed it, not a deleted account", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const member = await personIn(dialogue.id, "ar");
    const quiet = await personIn(dialogue.id, "de");
    const gone = await personIn(dialogue.id, "de");
    await db.user.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const outsider = await createUser({ locale: "en" });
    await setFollowing(await viewerOf(outsider.id), { target: "dialogue", targetId: dialogue.id, following: "yes" });
    await setFollowing(quiet, { target: "dialogue", targetId: dialogue.id, following: "no" });
    const host = await createUser({ locale: "de" });
    await db.municipalityMembership.create({ data: { userId: host.id, municipalityId: dialogue.municipalityId, role: "STAFF" } });
    await addMember(dialogue.id, host.id, "HOST");
    const hostViewer = await viewerOf(host.id);

    await createMeeting(hostViewer, { dialogueId: dialogue.id, title: "Treffen im Café", startsAt: "2030-05-04T17:00", place: "Café Mitte", languages: ["de"] });
    await createMeeting(hostViewer, { dialogueId: dialogue.id, title: "Zweites Treffen", startsAt: "2030-05-11T17:00", place: "Café Mitte", languages: ["de"] });
    const meetings = await db.notification.findMany({ where: { subjectId: dialogue.id, type: "MEETING_ADDED" }, select: { userId: true, count: true } });
    // Every member (the co-host and the dialogue's creator too) but the three, and the outsider who follows it.
    const members = await db.membership.findMany({ where: { dialogueId: dialogue.id, userId: { notIn: [quiet.id, gone.id, host.id] } }, select: { userId: true } });
    const expected = [...members.map((row) => row.userId), outsider.id].sort();
    expect(expected).toContain(member.id);
    expect(meetings.map((row) => row.userId).sort()).toEqual(expected);
    expect(meetings.every((row) => row.count === 2)).toBe(true);
    expect(await newestSentence(await viewerOf(outsider.id))).toBe(`2 new meetings in the dialogue “${dialogue.title}”`);

    await advancePhase(hostViewer, { dialogueId: dialogue.id, from: "COLLECTING" });
    const phase = await db.notification.findMany({ where: { subjectId: dialogue.id, type: "PHASE_CHANGED" }, select: { userId: true } });
    expect(phase.map((row) => row.userId).sort()).toEqual(expected);
  });
});

async function allSentences(person: Person): Promise<string[]> {
  const { locale } = await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { locale: true } });
  const { items } = await listNotifications(person, {}, locale);
  const sentence = await notificationSentence(locale);
  return items.map(sentence);
}

async function categoryIn(locale: string, category: string): Promise<string> {
  const messages = (await import(`@/messages/${locale}.json`)) as { default: { notifications: { categories: Record<string, string> } } };
  return messages.default.notifications.categories[category]!;
}
