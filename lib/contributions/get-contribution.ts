import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Resource } from "@/lib/policy/policy";
import { supportBreakdown } from "@/lib/supports/support-counts";
import { meetingSupportTallies } from "@/lib/meetings/list-meeting-supports";
import type { ChannelKind, ContributionKind, ContributionPlace, ContributionSource, ContributionStatus, DialoguePhase, Perspective } from "@/lib/generated/prisma/enums";
import { publicPerspective } from "@/lib/perspectives/public-perspective";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";
import { shownDistrictOf } from "@/lib/districts/shown-district";

const inputSchema = z.object({ contributionId: z.uuid(), dialogueId: z.uuid() });

type Person = { id: string; displayName: string; deletedAt: Date | null; showPerspective: boolean };
/** A person as others see them next to their words. */
export type PublicPerson = { id: string; displayName: string; deletedAt: Date | null; perspective: Perspective | null };

/**
 * The perspective they had when writing only if they show it; when they do not, nothing is
 * left that a page could leak (in an attribute, say).
 */
export function voice(author: Person, snapshot: Perspective, recorded?: { voiceShows: boolean }): PublicPerson;
export function voice(author: Person | null, snapshot: Perspective, recorded?: { voiceShows: boolean }): PublicPerson | null;
/** `recorded`: the words were recorded on the person's behalf; their consent at read-back counts too (decision 032). */
export function voice(author: Person | null, snapshot: Perspective, recorded?: { voiceShows: boolean }): PublicPerson | null {
  if (!author) return null;
  const perspective = publicPerspective(snapshot, author, recorded?.voiceShows ?? false, recorded !== undefined);
  return { id: author.id, displayName: author.displayName, deletedAt: author.deletedAt, perspective };
}

type JsonPerson = { id: string; displayName: string; showPerspective: boolean; deletedAt: string | null };
type JsonName = { displayName: string; deletedAt: string | null };

type Row = {
  id: string;
  kind: ContributionKind;
  status: ContributionStatus;
  title: string;
  body: string;
  language: string;
  place: ContributionPlace | null;
  districtId: string | null;
  themeId: string | null;
  source: ContributionSource;
  authorPerspective: Perspective;
  voiceShowsPerspective: boolean;
  createdAt: Date;
  editedAt: Date | null;
  recordedById: string | null;
  interpreterName: string | null;
  municipalityId: string;
  phase: DialoguePhase;
  author: JsonPerson | null;
  recordedBy: JsonName | null;
  channelKind: ChannelKind | null;
  meeting: { id: string; title: string; startsAt: string } | null;
  responses: {
    id: string;
    status: ContributionStatus;
    body: string;
    language: string | null;
    decidedBy: string | null;
    dueDate: string | null;
    createdAt: string;
    actor: { id: string; name: string } | null;
  }[];
  online: { perspective: Perspective; count: number }[];
  meetingSupports: { perspective: Perspective; count: number; meeting: { id: string; title: string; startsAt: string } }[];
  supportedByViewer: boolean;
  mergedInto: { id: string; title: string; body: string; language: string; createdAt: string; authorName: string | null }[];
  voice: {
    transcribedAt: string | null;
    machineTranscript: boolean;
    readBackConfirmedAt: string | null;
    audioDeletedAt: string | null;
    transcribedBy: JsonName | null;
    confirmedBy: JsonName | null;
  } | null;
};

// Timestamps are stored without a zone, in UTC; inside JSON they lose the "Z".
const utc = (value: string): Date => new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
const utcOrNull = (value: string | null): Date | null => (value === null ? null : utc(value));
const name = (person: JsonName | null) => (person ? { displayName: person.displayName, deletedAt: utcOrNull(person.deletedAt) } : null);

/**
 * A visible contribution of a public dialogue, with what its page shows: the voice (and, apart
 * from it, who recorded it), the public responses, the support per perspective and per meeting,
 * whether the viewer supports it, what was merged into it (decision 051) and its voice message's
 * trace (decision 033); its comments come a page at a time from lib/comments/list-comments.ts.
 * Null when there is none the public may see. One statement (JSON subqueries; Prisma's nested
 * select was ten, plus one each for the meeting tallies, the merged ones and the voice message —
 * issue 16), and one more for the district where it names one.
 */
export async function getContribution(input: { contributionId: string; dialogueId: string }, viewerId: string | null) {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return null;
  const { contributionId, dialogueId } = parsed.data;
  const [contribution] = await db.$queryRaw<Row[]>`
    SELECT c."id", c."kind", c."status", c."title", c."body", c."language", c."place", c."districtId", c."themeId",
      c."source", c."authorPerspective", c."voiceShowsPerspective", c."createdAt", c."editedAt", c."recordedById",
      c."interpreterName", d."municipalityId", d."phase",
      CASE WHEN a."id" IS NULL THEN NULL
        ELSE json_build_object('id', a."id", 'displayName', a."displayName", 'showPerspective', a."showPerspective", 'deletedAt', a."deletedAt") END AS "author",
      CASE WHEN rb."id" IS NULL THEN NULL ELSE json_build_object('displayName', rb."displayName", 'deletedAt', rb."deletedAt") END AS "recordedBy",
      (SELECT ch."kind" FROM "ChannelContribution" ch WHERE ch."contributionId" = c."id") AS "channelKind",
      CASE WHEN m."id" IS NULL THEN NULL ELSE json_build_object('id', m."id", 'title', m."title", 'startsAt', m."startsAt") END AS "meeting",
      (SELECT coalesce(json_agg(json_build_object('id', r."id", 'status', r."status", 'body', r."body", 'language', r."language",
          'decidedBy', r."decidedBy", 'dueDate', r."dueDate", 'createdAt', r."createdAt",
          'actor', CASE WHEN ac."id" IS NULL THEN NULL ELSE json_build_object('id', ac."id", 'name', ac."name") END)
          ORDER BY r."createdAt", r."id"), '[]'::json)
        FROM "Response" r LEFT JOIN "Actor" ac ON ac."id" = r."actorId" WHERE r."contributionId" = c."id") AS "responses",
      (SELECT coalesce(json_agg(json_build_object('perspective', s."perspective", 'count', s."count")), '[]'::json)
        FROM (SELECT "perspective", count(*)::int AS "count" FROM "Support" WHERE "contributionId" = c."id" GROUP BY "perspective") s) AS "online",
      (SELECT coalesce(json_agg(json_build_object('perspective', ms."perspective", 'count', ms."count",
          'meeting', json_build_object('id', mm."id", 'title', mm."title", 'startsAt', mm."startsAt"))), '[]'::json)
        FROM "MeetingSupport" ms JOIN "Meeting" mm ON mm."id" = ms."meetingId" WHERE ms."contributionId" = c."id") AS "meetingSupports",
      EXISTS (SELECT 1 FROM "Support" o WHERE o."contributionId" = c."id" AND o."userId" = ${viewerId}::uuid) AS "supportedByViewer",
      (SELECT coalesce(json_agg(json_build_object('id', x."id", 'title', x."title", 'body', x."body", 'language', x."language", 'createdAt', x."createdAt",
          'authorName', CASE WHEN u."deletedAt" IS NULL THEN u."displayName" END) ORDER BY x."createdAt", x."id"), '[]'::json)
        FROM "Contribution" x LEFT JOIN "User" u ON u."id" = x."authorId"
        WHERE x."mergedIntoId" = c."id" AND x."hiddenAt" IS NULL AND x."withdrawnAt" IS NULL) AS "mergedInto",
      (SELECT json_build_object('transcribedAt', v."transcribedAt", 'machineTranscript', v."machineTranscript",
          'readBackConfirmedAt', v."readBackConfirmedAt", 'audioDeletedAt', v."audioDeletedAt",
          'transcribedBy', CASE WHEN t."id" IS NULL THEN NULL ELSE json_build_object('displayName', t."displayName", 'deletedAt', t."deletedAt") END,
          'confirmedBy', CASE WHEN cb."id" IS NULL THEN NULL ELSE json_build_object('displayName', cb."displayName", 'deletedAt', cb."deletedAt") END)
        FROM "VoiceMessage" v LEFT JOIN "User" t ON t."id" = v."transcribedById" LEFT JOIN "User" cb ON cb."id" = v."confirmedById"
        WHERE v."contributionId" = c."id") AS "voice"
    FROM "Contribution" c
    JOIN "Dialogue" d ON d."id" = c."dialogueId"
    LEFT JOIN "User" a ON a."id" = c."authorId"
    LEFT JOIN "User" rb ON rb."id" = c."recordedById"
    LEFT JOIN "Meeting" m ON m."id" = c."meetingId"
    WHERE c."id" = ${contributionId}::uuid AND c."dialogueId" = ${dialogueId}::uuid
      AND ${visibleContribution.sql("c")} AND ${publishedDialogue.sql("d")}`;
  if (!contribution) return null;
  const shownDistrict = contribution.districtId ? await shownDistrictOf(contribution.id) : null;
  const { municipalityId, phase, authorPerspective, voiceShowsPerspective, place, districtId, online, meetingSupports, channelKind, voice: spoken, ...rest } = contribution;
  const author = rest.author ? { ...rest.author, deletedAt: utcOrNull(rest.author.deletedAt) } : null;
  // The place as chosen only for its author's edit form; anyone else gets the district where it
  // is shown and nothing otherwise (decision 049: not even "whole town" against "a few in Altstadt").
  const isAuthor = viewerId !== null && author?.id === viewerId;
  const resource: Resource = { municipalityId, dialogueId, phase, ownerId: author?.id ?? null, createdAt: rest.createdAt };
  return {
    ...rest,
    recordedBy: name(rest.recordedBy),
    channelOrigin: channelKind ? { kind: channelKind } : null,
    meeting: rest.meeting ? { ...rest.meeting, startsAt: utc(rest.meeting.startsAt) } : null,
    responses: rest.responses.map((response) => ({
      ...response,
      // A date without a time: read as midnight UTC, as Prisma reads a @db.Date.
      dueDate: response.dueDate === null ? null : new Date(response.dueDate.slice(0, 10)),
      createdAt: utc(response.createdAt),
    })),
    place: isAuthor ? place : null,
    districtId: isAuthor || shownDistrict ? districtId : null,
    author: voice(author, authorPerspective, rest.source === "ONLINE" ? undefined : { voiceShows: voiceShowsPerspective }),
    /** A voice recorded offline: its perspective where the person agreed to show it. */
    offlineVoicePerspective: author ? null : publicPerspective(authorPerspective, null, voiceShowsPerspective),
    resource,
    supports: supportBreakdown(online, meetingSupports),
    /** Supports counted at meetings, per meeting (latest first) and perspective. */
    meetingSupports: meetingSupportTallies(meetingSupports.map((row) => ({ ...row, meeting: { ...row.meeting, startsAt: utc(row.meeting.startsAt) } }))),
    /** What was merged into it (decision 051): title, text and language as written, the author's name only. */
    mergedInto: rest.mergedInto.map((merged) => ({ ...merged, createdAt: utc(merged.createdAt) })),
    /** Said as a voice message (decision 033): what its trace needs, or null. */
    voiceMessage: spoken
      ? {
          transcribedAt: utcOrNull(spoken.transcribedAt),
          machineTranscript: spoken.machineTranscript,
          readBackConfirmedAt: utcOrNull(spoken.readBackConfirmedAt),
          audioDeletedAt: utcOrNull(spoken.audioDeletedAt),
          transcribedBy: name(spoken.transcribedBy),
          confirmedBy: name(spoken.confirmedBy),
        }
      : null,
    /** The district's names where the threshold lets it show (decision 049), else null. */
    shownDistrict,
  };
}

export type ContributionDetail = NonNullable<Awaited<ReturnType<typeof getContribution>>>;
