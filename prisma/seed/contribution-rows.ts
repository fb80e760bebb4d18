// Rows for the contributions and everything that hangs on them: translations, comments,
// supports, show-of-hands counts, the answer timeline, and the one report that led to a hide.
import type { Prisma } from "../../lib/generated/prisma/client";
import { check } from "./check";
import { CONTRIBUTIONS } from "./contributions";
import { DIALOGUES, MEETINGS, type DialogueKey } from "./dialogues";
import { uuidv7 } from "./ids";
import { voiceOf } from "./people";
import { addHours, type Clock } from "./time";
import type { Activity, CommentSeed, ContributionSeed, DialogueSeed, MeetingSeed, SeedIds, TranslationSeed } from "./types";

export type ContributionRows = {
  contributions: Prisma.ContributionCreateManyInput[];
  /** Top-level comments; replies go in after them, since a reply needs its parent. */
  comments: Prisma.CommentCreateManyInput[];
  replies: Prisma.CommentCreateManyInput[];
  translations: Prisma.TranslationCreateManyInput[];
  supports: Prisma.SupportCreateManyInput[];
  meetingSupports: Prisma.MeetingSupportCreateManyInput[];
  /** Oldest first: each one sets its contribution's status as it goes in. */
  responses: Prisma.ResponseCreateManyInput[];
  reports: Prisma.ReportCreateManyInput[];
  moderationActions: Prisma.ModerationActionCreateManyInput[];
};

type Recording = Pick<
  Prisma.ContributionCreateManyInput,
  "source" | "recordedById" | "meetingId" | "interpreterId" | "interpreterName" | "readBackConfirmedAt"
>;

const HOUR_MS = 3_600_000;

export function buildContributionRows(clock: Clock, ids: SeedIds, activity: Activity): ContributionRows {
  const rows: ContributionRows = {
    contributions: [],
    comments: [],
    replies: [],
    translations: [],
    supports: [],
    meetingSupports: [],
    responses: [],
    reports: [],
    moderationActions: [],
  };
  const inPast = (date: Date, what: string): Date => {
    check(date < clock.now, `${what} lies in the future`);
    return date;
  };
  // Follow-ups of the last days are clamped to now, so nothing is dated in the future.
  const soonAfter = (date: Date, hours: number): Date =>
    new Date(Math.min(addHours(date, hours).getTime(), clock.now.getTime() - 60_000));
  const meetingEnd = (meeting: MeetingSeed): Date => addHours(clock.at(meeting.day, meeting.hour), meeting.hours);

  const translation = (
    dialogue: DialogueKey,
    target: { contributionId: string } | { commentId: string },
    seed: TranslationSeed,
    original: { at: Date; language: string },
  ): Prisma.TranslationCreateManyInput => {
    check(seed.language !== original.language, `a translation into ${seed.language} of a text in ${seed.language}`);
    const createdAt = soonAfter(original.at, 3);
    activity(dialogue, seed.by, createdAt);
    const checkedAt = seed.checkedBy ? soonAfter(original.at, 26) : null;
    if (seed.checkedBy && checkedAt) activity(dialogue, seed.checkedBy, checkedAt);
    return {
      id: uuidv7(createdAt),
      ...target,
      language: seed.language,
      title: seed.title ?? null,
      body: seed.body,
      method: "VOLUNTEER",
      translatorId: ids.user(seed.by),
      checkedById: seed.checkedBy ? ids.user(seed.checkedBy) : null,
      checkedAt,
      createdAt,
      updatedAt: checkedAt ?? createdAt,
    };
  };

  const recording = (seed: ContributionSeed, createdAt: Date): Recording => {
    const onBehalf = seed.onBehalf;
    if (!onBehalf) return { source: "ONLINE" };
    activity(seed.dialogue, onBehalf.recordedBy, createdAt);
    if (onBehalf.source === "PAPER") return { source: "PAPER", recordedById: ids.user(onBehalf.recordedBy) };
    if (onBehalf.interpreter) activity(seed.dialogue, onBehalf.interpreter, createdAt);
    const spoken: Recording = {
      source: onBehalf.source,
      recordedById: ids.user(onBehalf.recordedBy),
      interpreterId: onBehalf.interpreter ? ids.user(onBehalf.interpreter) : null,
      interpreterName: onBehalf.interpreterName ?? null,
      readBackConfirmedAt: createdAt,
    };
    if (onBehalf.source !== "MEETING") return spoken;
    const meeting: MeetingSeed = MEETINGS[onBehalf.meeting];
    check(meeting.dialogue === seed.dialogue, `"${seed.title}" names a meeting of another dialogue`);
    check(meetingEnd(meeting) <= createdAt, `"${seed.title}" is entered before its meeting ended`);
    // Written down and read back at the meeting, typed in afterwards.
    return { ...spoken, meetingId: ids.meeting(onBehalf.meeting), readBackConfirmedAt: meetingEnd(meeting) };
  };

  const comment = (seed: ContributionSeed, contributionId: string, after: Date, c: CommentSeed) => {
    const dialogueId = ids.dialogue(seed.dialogue);
    const createdAt = inPast(clock.at(c.day, c.hour ?? 12), `a comment on "${seed.title}"`);
    check(createdAt > after, `a comment on "${seed.title}" is older than what it answers`);
    activity(seed.dialogue, c.by, createdAt);
    const id = uuidv7(createdAt);
    const hiddenAt = c.hide ? inPast(addHours(createdAt, 5), "a hide") : null;
    rows.comments.push({
      id,
      contributionId,
      authorId: ids.user(c.by),
      authorPerspective: voiceOf(c.by),
      body: c.body,
      language: c.language,
      hiddenAt,
      hiddenCategory: c.hide?.category ?? null,
      createdAt,
      updatedAt: hiddenAt ?? createdAt,
    });
    for (const t of c.translations ?? []) {
      check(t.title === undefined, "a comment's translation has no title");
      rows.translations.push(translation(seed.dialogue, { commentId: id }, t, { at: createdAt, language: c.language }));
    }
    for (const reply of c.replies ?? []) {
      const repliedAt = inPast(clock.at(reply.day, reply.hour ?? 12), `a reply on "${seed.title}"`);
      check(repliedAt > createdAt, `a reply on "${seed.title}" is older than its comment`);
      activity(seed.dialogue, reply.by, repliedAt);
      rows.replies.push({
        id: uuidv7(repliedAt),
        contributionId,
        parentId: id,
        authorId: ids.user(reply.by),
        authorPerspective: voiceOf(reply.by),
        body: reply.body,
        language: reply.language,
        createdAt: repliedAt,
        updatedAt: repliedAt,
      });
    }
    if (c.hide && hiddenAt) {
      const dialogue: DialogueSeed = DIALOGUES[seed.dialogue];
      check(dialogue.moderators.includes(c.hide.moderator), `${c.hide.moderator} does not moderate "${seed.dialogue}"`);
      const reportedAt = addHours(createdAt, 2);
      activity(seed.dialogue, c.hide.reportedBy, reportedAt);
      const reportId = uuidv7(reportedAt);
      rows.reports.push({
        id: reportId,
        reporterId: ids.user(c.hide.reportedBy),
        commentId: id,
        category: c.hide.reportCategory,
        reason: c.hide.reportReason,
        status: "UPHELD",
        resolvedById: ids.user(c.hide.moderator),
        resolvedAt: hiddenAt,
        createdAt: reportedAt,
      });
      rows.moderationActions.push({
        id: uuidv7(hiddenAt),
        dialogueId,
        actorId: ids.user(c.hide.moderator),
        type: "HIDE",
        commentId: id,
        reportId,
        category: c.hide.category,
        reason: c.hide.reason,
        createdAt: hiddenAt,
      });
    }
  };

  for (const seed of CONTRIBUTIONS) {
    const dialogue: DialogueSeed = DIALOGUES[seed.dialogue];
    const createdAt = inPast(clock.at(seed.day, seed.hour ?? 10), `"${seed.title}"`);
    check(
      createdAt >= clock.at(dialogue.collectingFrom, 8) && createdAt < clock.at(dialogue.deliberatingFrom, 8),
      `"${seed.title}" is posted outside the collecting phase of "${seed.dialogue}"`,
    );
    const id = uuidv7(createdAt);
    const voice = seed.author ? voiceOf(seed.author) : seed.voicePerspective;
    check(voice !== undefined, `"${seed.title}" says neither whose voice it is nor their perspective`);
    if (seed.author) activity(seed.dialogue, seed.author, createdAt);
    rows.contributions.push({
      id,
      dialogueId: ids.dialogue(seed.dialogue),
      themeId: ids.theme(seed.theme),
      kind: seed.kind,
      title: seed.title,
      body: seed.body,
      language: seed.language,
      districtText: seed.district ?? null,
      authorId: seed.author ? ids.user(seed.author) : null,
      authorPerspective: voice,
      voiceShowsPerspective: !seed.author && seed.voiceShowsPerspective === true,
      ...recording(seed, createdAt),
      createdAt,
      updatedAt: createdAt,
    });

    for (const t of seed.translations ?? []) {
      rows.translations.push(translation(seed.dialogue, { contributionId: id }, t, { at: createdAt, language: seed.language }));
    }

    const supporters = seed.supports ?? [];
    check(new Set(supporters).size === supporters.length, `"${seed.title}" is supported twice by the same person`);
    check(!seed.author || !supporters.includes(seed.author), `the author of "${seed.title}" supports it`);
    const hoursBetween = Math.min(7, (clock.now.getTime() - createdAt.getTime()) / HOUR_MS / (supporters.length + 1));
    supporters.forEach((who, index) => {
      const supportedAt = addHours(createdAt, hoursBetween * (index + 1));
      activity(seed.dialogue, who, supportedAt);
      rows.supports.push({
        id: uuidv7(supportedAt),
        contributionId: id,
        userId: ids.user(who),
        perspective: voiceOf(who),
        createdAt: supportedAt,
      });
    });

    for (const counted of seed.meetingSupports ?? []) {
      const meeting: MeetingSeed = MEETINGS[counted.meeting];
      check(meeting.dialogue === seed.dialogue, `"${seed.title}" is counted at a meeting of another dialogue`);
      const countedAt = inPast(new Date(Math.max(addHours(meetingEnd(meeting), 1).getTime(), addHours(createdAt, 0.25).getTime())), "a count");
      activity(seed.dialogue, counted.recordedBy, countedAt);
      rows.meetingSupports.push({
        id: uuidv7(countedAt),
        contributionId: id,
        meetingId: ids.meeting(counted.meeting),
        perspective: counted.perspective,
        count: counted.count,
        recordedById: ids.user(counted.recordedBy),
        createdAt: countedAt,
      });
    }

    for (const c of seed.comments ?? []) comment(seed, id, createdAt, c);

    let previous = createdAt;
    for (const response of seed.responses ?? []) {
      const respondedAt = inPast(clock.at(response.day, 11), `a response to "${seed.title}"`);
      check(respondedAt > previous, `the responses to "${seed.title}" are not in order`);
      check(respondedAt < clock.at(dialogue.closesAt, 20), `a response to "${seed.title}" comes after its dialogue closed`);
      check(
        dialogue.responsibilities.some((r) => r.theme === seed.theme && r.actor === response.actor),
        `${response.actor} answers "${seed.title}" without being responsible for ${seed.theme} in "${seed.dialogue}"`,
      );
      previous = respondedAt;
      activity(seed.dialogue, response.by, respondedAt);
      rows.responses.push({
        id: uuidv7(respondedAt),
        contributionId: id,
        authorId: ids.user(response.by),
        status: response.status,
        decidedBy: response.decidedBy ?? null,
        body: response.body,
        actorId: ids.actor(response.actor),
        dueDate: response.due === undefined ? null : clock.date(response.due),
        createdAt: respondedAt,
      });
    }
  }
  rows.responses.sort((a, b) => new Date(a.createdAt ?? 0).getTime() - new Date(b.createdAt ?? 0).getTime());
  return rows;
}
