import "server-only";
import { cache } from "react";
import { z } from "zod";
import { dialogueVersion, holds, lookup, remember } from "@/lib/cache/versioned-data";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DialoguePhase, TranslationMethod } from "@/lib/generated/prisma/enums";
import type { HostTextVersion } from "@/lib/host-texts/pick-host-text";
import type { MeetingView } from "@/lib/meetings/list-meetings";
import { can, type Resource, type Viewer } from "@/lib/policy/policy";
import { publishedDialogue } from "@/lib/policy/visibility";
import { recordedListAccess } from "@/lib/receipts/list-recorded";
import { machineTranslationEnabled } from "@/lib/translations/machine-translate";
import { slugSchema } from "./slug";

// The dialogue page's data, loaded once per request (issue 17, step 2): the dialogue with its
// municipality, themes, text versions and meetings, its policy resource, and every permission
// the page and the components below it need, decided here once. Components under the page
// receive data and flags; they neither query nor call can() (tests/dialogues/query-count.test.ts
// fails when one does).

export type DialoguePermissions = {
  /** contribution:create: the one primary action while collecting. */
  post: boolean;
  /** support:give / support:withdraw:own: the support button in the list. */
  support: boolean;
  withdrawSupport: boolean;
  /** dialogue:update or dialogue:open: the manage page. */
  manage: boolean;
  invite: boolean;
  /** invitation:manage:team: invite co-hosts and moderators. */
  inviteTeam: boolean;
  /** team:read, team:remove, team:remove:host: the team on the manage page and who may be removed. */
  readTeam: boolean;
  removeTeamMember: boolean;
  removeHost: boolean;
  export: boolean;
  /** content:hide: exports may include hidden contributions. */
  exportHidden: boolean;
  /** report:resolve: the moderation queue; otherwise moderation-log:read: the log. */
  moderate: boolean;
  readModerationLog: boolean;
  /** mediation:manage: the private mediation cases on the moderation page. */
  mediate: boolean;
  /** contribution:respond: the queue of needs to answer. */
  respond: boolean;
  /** responsibility:manage: the responsibility map. */
  assignResponsibilities: boolean;
  /** poll:manage or poll:count: the link to the polls' managing page. */
  polls: boolean;
  /** poll:manage: add, close and word the polls. */
  managePolls: boolean;
  /** poll:count: hands counted at a meeting. */
  countPolls: boolean;
  /** poll-text:write: the polls' texts in the dialogue's other languages, on the managing page. */
  writePollTexts: boolean;
  /** poll:answer: the answer form of each open poll, right on the dialogue page. */
  answerPolls: boolean;
  /** translation:create: links to translate the dialogue's and meetings' texts. */
  translate: boolean;
  /** translation:request, signed in, the service configured: machine translation buttons. */
  requestTranslation: boolean;
  /** contribution:create:on-behalf: enter what was said offline. */
  recordOffline: boolean;
  /** receipt:manage on one's own recordings: "Recorded by me" (recorders and the host team, decision 032). */
  recorded: boolean;
  manageMeetings: boolean;
  /** follow:create: the follow button. */
  follow: boolean;
  /** comment:create: comments and replies, typed or said (decision 046). */
  comment: boolean;
  /**
   * "How to take part": the dialogue is open for taking part, and the viewer may not (yet): a
   * visitor, or a signed-in person who has not joined (the same rule that gates commenting).
   */
  takePart: boolean;
};

export type DialogueThemeSummary = { id: string; key: string | null; name: string };

export type LoadedDialogue = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  phase: DialoguePhase;
  /** BCP 47 codes; the first is the dialogue's main language. */
  languages: string[];
  /** How to reach the host team for a code (plain text in the main language), or null. */
  teamContact: string | null;
  /** The planned start of each later phase and the planned end, as the host team set them. */
  dates: { collectingFrom: Date | null; deliberatingFrom: Date | null; respondingFrom: Date | null; closesAt: Date | null };
  municipality: { id: string; slug: string; name: string };
  themes: DialogueThemeSummary[];
  /** The dialogue's texts in other languages (decision 025). */
  versions: HostTextVersion[];
  meetings: { upcoming: MeetingView[]; past: MeetingView[] };
};

export type DialogueForViewer = {
  dialogue: LoadedDialogue;
  resource: Resource;
  may: DialoguePermissions;
  /** Whether the viewer follows the dialogue (decision 030: members do until they unfollow). */
  following: boolean;
  /** The viewer's own mediation cases in this dialogue (none for the signed-out). */
  mediationCases: { id: string; subject: string }[];
  /**
   * The version of what the dialogue's pages show (lib/cache/public-version.ts) that this load
   * is as new as: the key under which the page's other shared parts are kept (decision 091).
   */
  publicVersion: string;
};

type JsonVersion = Omit<HostTextVersion, "checkedAt" | "outdatedAt"> & { checkedAt: string | null; outdatedAt: string | null };
type JsonMeeting = Omit<MeetingView, "startsAt" | "endsAt" | "versions" | "language"> & {
  startsAt: string;
  endsAt: string | null;
  versions: JsonVersion[];
};
type Row = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  phase: DialoguePhase;
  languages: string[];
  teamContact: string | null;
  collectingFrom: Date | null;
  deliberatingFrom: Date | null;
  respondingFrom: Date | null;
  closesAt: Date | null;
  municipalityId: string;
  municipalitySlug: string;
  municipalityName: string;
  themes: DialogueThemeSummary[];
  versions: JsonVersion[];
  meetings: JsonMeeting[];
  follows: boolean | null;
  mediationCases: { id: string; subject: string }[];
  /** The dialogue's public version, read in the same statement (the same snapshot) as the rest. */
  publicVersion: string;
};

const slugsSchema = z.object({ municipalitySlug: slugSchema, dialogueSlug: slugSchema });

// Timestamps are stored without a zone, in UTC; inside JSON they lose the "Z".
const utc = (value: string | null): Date | null => (value === null ? null : new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`));
const version = ({ checkedAt, outdatedAt, ...rest }: JsonVersion): HostTextVersion => ({
  ...rest,
  method: rest.method as TranslationMethod,
  checkedAt: utc(checkedAt),
  outdatedAt: utc(outdatedAt),
});

/**
 * The columns both statements below read beside a dialogue `d` of municipality `mu`: the viewer's
 * follow and own mediation cases, and the dialogue's public version (the sum the page cache's
 * scope 'dialogue' reads, lib/cache/public-version.ts), in the same snapshot.
 */
function ownAndVersionColumns(viewerId: string | null): Prisma.Sql {
  return Prisma.sql`(SELECT f."unfollowedAt" IS NULL FROM "Follow" f WHERE f."userId" = ${viewerId}::uuid AND f."dialogueId" = d."id") AS "follows",
      (SELECT coalesce(json_agg(json_build_object('id', mc."id", 'subject', mc."subject")
           ORDER BY mc."closedAt" DESC NULLS FIRST, mc."createdAt" DESC), '[]'::json)
         FROM "MediationCase" mc
         WHERE mc."dialogueId" = d."id"
           AND EXISTS (SELECT 1 FROM "MediationParticipant" mp WHERE mp."caseId" = mc."id" AND mp."userId" = ${viewerId}::uuid)) AS "mediationCases",
      (SELECT coalesce(sum(v."version"), 0) FROM "PublicVersion" v WHERE v."scope" IN ('all', 'm:' || mu."id", 'd:' || d."id"))::text AS "publicVersion"`;
}

/** One statement: the dialogue and everything dialogue-wide its page shows, plus the viewer's follow and mediation cases. */
async function loadRow(municipalitySlug: string, dialogueSlug: string, viewerId: string | null): Promise<Row | undefined> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT d."id", d."slug", d."title", d."summary", d."description", d."phase", d."languages", d."teamContact",
      d."collectingFrom", d."deliberatingFrom", d."respondingFrom", d."closesAt",
      d."municipalityId", mu."slug" AS "municipalitySlug", mu."name" AS "municipalityName",
      (SELECT coalesce(json_agg(json_build_object('id', t."id", 'key', t."key", 'name', t."name") ORDER BY t."position", t."name"), '[]'::json)
         FROM "DialogueTheme" dt JOIN "Theme" t ON t."id" = dt."themeId" WHERE dt."dialogueId" = d."id") AS "themes",
      (SELECT coalesce(json_agg(json_build_object('language', v."language", 'method', v."method", 'checkedAt', v."checkedAt",
           'outdatedAt', v."outdatedAt", 'title', v."title", 'summary', v."summary", 'body', v."body", 'codeOfConduct', v."codeOfConduct")
           ORDER BY v."id"), '[]'::json)
         FROM "Translation" v WHERE v."dialogueId" = d."id") AS "versions",
      (SELECT coalesce(json_agg(json_build_object('id', m."id", 'title', m."title", 'description', m."description",
           'startsAt', m."startsAt", 'endsAt', m."endsAt", 'place', m."place", 'languages', m."languages",
           'interpretationOffered', m."interpretationOffered",
           'versions', (SELECT coalesce(json_agg(json_build_object('language', mv."language", 'method', mv."method",
                'checkedAt', mv."checkedAt", 'outdatedAt', mv."outdatedAt", 'title', mv."title", 'place', mv."place", 'body', mv."body")
                ORDER BY mv."id"), '[]'::json)
              FROM "Translation" mv WHERE mv."meetingId" = m."id"))
           ORDER BY m."startsAt", m."id"), '[]'::json)
         FROM "Meeting" m WHERE m."dialogueId" = d."id") AS "meetings",
      ${ownAndVersionColumns(viewerId)}
    FROM "Dialogue" d JOIN "Municipality" mu ON mu."id" = d."municipalityId"
    WHERE d."slug" = ${dialogueSlug} AND mu."slug" = ${municipalitySlug}`;
  return row;
}

type Own = Pick<Row, "follows" | "mediationCases">;
const NOBODYS: Own = { follows: null, mediationCases: [] };

/**
 * For a signed-in viewer of a dialogue whose shared part is kept: its current version and the
 * viewer's own part of loadRow, in one statement (null when the slugs name no dialogue).
 */
async function loadVersionAndOwn(municipalitySlug: string, dialogueSlug: string, viewerId: string): Promise<(Own & { publicVersion: string }) | null> {
  const [row] = await db.$queryRaw<(Own & { publicVersion: string })[]>`
    SELECT ${ownAndVersionColumns(viewerId)}
    FROM "Dialogue" d JOIN "Municipality" mu ON mu."id" = d."municipalityId"
    WHERE d."slug" = ${dialogueSlug} AND mu."slug" = ${municipalitySlug}`;
  return row ?? null;
}

type Shared = Loaded["dialogue"];

/**
 * The dialogue's row for `viewer`: its shared part from the instance's versioned store when the
 * dialogue's version is the one it was kept under (one statement: the version, with a signed-in
 * viewer's own part), else everything in one statement, whose shared part is kept.
 */
async function loadShared(viewer: Viewer | null, municipalitySlug: string, dialogueSlug: string): Promise<{ dialogue: Shared; own: Own; version: string } | null> {
  const key = `dialogue:${municipalitySlug}/${dialogueSlug}`;
  // A dialogue nobody asked for since the start is loaded at once, its version in the same statement.
  if (holds(key)) {
    // Signed out, the version's statement is shared with concurrent readers (PublicVersions).
    const current = viewer ? await loadVersionAndOwn(municipalitySlug, dialogueSlug, viewer.id) : await dialogueVersion(municipalitySlug, dialogueSlug);
    if (current === null) return null;
    const version = typeof current === "string" ? current : current.publicVersion;
    const kept = lookup<Shared>(key, version);
    if (kept) return { dialogue: await kept, own: typeof current === "string" ? NOBODYS : current, version };
  }
  const row = await loadRow(municipalitySlug, dialogueSlug, viewer?.id ?? null);
  if (!row) return null;
  const dialogue = sharedPart(row);
  remember(key, row.publicVersion, Promise.resolve(dialogue));
  return { dialogue, own: { follows: row.follows, mediationCases: row.mediationCases }, version: row.publicVersion };
}

/** What every reader of the dialogue sees of its row (nothing of the viewer's: no follow, no case). */
function sharedPart(row: Row): Shared {
  const language = row.languages[0] ?? "de";
  const meetings: MeetingView[] = row.meetings.map((meeting) => ({
    ...meeting,
    startsAt: utc(meeting.startsAt)!,
    endsAt: utc(meeting.endsAt),
    language,
    versions: meeting.versions.map(version),
  }));
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    description: row.description,
    phase: row.phase,
    languages: row.languages,
    teamContact: row.teamContact,
    dates: { collectingFrom: row.collectingFrom, deliberatingFrom: row.deliberatingFrom, respondingFrom: row.respondingFrom, closesAt: row.closesAt },
    municipality: { id: row.municipalityId, slug: row.municipalitySlug, name: row.municipalityName },
    themes: row.themes,
    versions: row.versions.map(version),
    meetings,
  };
}

function permissions(viewer: Viewer | null, resource: Resource): DialoguePermissions {
  const open = resource.phase === "COLLECTING" || resource.phase === "DELIBERATING";
  const comment = can(viewer, "comment:create", resource);
  const managePolls = can(viewer, "poll:manage", resource);
  const countPolls = can(viewer, "poll:count", resource);
  const writePollTexts = can(viewer, "poll-text:write", resource);
  return {
    post: can(viewer, "contribution:create", resource),
    support: can(viewer, "support:give", resource),
    withdrawSupport: viewer !== null && can(viewer, "support:withdraw:own", { ...resource, ownerId: viewer.id }),
    manage: can(viewer, "dialogue:update", resource) || can(viewer, "dialogue:open", resource),
    invite: can(viewer, "invitation:manage", resource),
    inviteTeam: can(viewer, "invitation:manage:team", resource),
    readTeam: can(viewer, "team:read", resource),
    removeTeamMember: can(viewer, "team:remove", resource),
    removeHost: can(viewer, "team:remove:host", resource),
    export: can(viewer, "export:download", resource),
    exportHidden: can(viewer, "content:hide", resource),
    moderate: can(viewer, "report:resolve", resource),
    readModerationLog: can(viewer, "moderation-log:read", resource),
    mediate: can(viewer, "mediation:manage", resource),
    respond: can(viewer, "contribution:respond", resource),
    assignResponsibilities: can(viewer, "responsibility:manage", resource),
    polls: managePolls || countPolls,
    managePolls,
    countPolls,
    writePollTexts,
    answerPolls: can(viewer, "poll:answer", resource),
    translate: can(viewer, "translation:create", resource),
    requestTranslation: viewer !== null && resource.phase !== "DRAFT" && machineTranslationEnabled() && can(viewer, "translation:request", resource),
    recordOffline: can(viewer, "contribution:create:on-behalf", resource),
    recorded: recordedListAccess(viewer, { id: resource.dialogueId!, municipalityId: resource.municipalityId, phase: resource.phase! }).mine,
    manageMeetings: can(viewer, "meeting:manage", resource),
    follow: can(viewer, "follow:create", resource),
    comment,
    takePart: open && !comment,
  };
}

type Loaded = Omit<DialogueForViewer, "dialogue"> & { dialogue: Omit<LoadedDialogue, "meetings"> & { meetings: MeetingView[] } };

const loadOnce = cache(async (viewer: Viewer | null, municipalitySlug: string, dialogueSlug: string): Promise<Loaded | null> => {
  const loaded = await loadShared(viewer, municipalitySlug, dialogueSlug);
  if (!loaded) return null;
  const { dialogue, own } = loaded;
  const resource: Resource = { municipalityId: dialogue.municipality.id, dialogueId: dialogue.id, phase: dialogue.phase };
  // A draft only for those the policy lets read it (its host team); the same 404 otherwise.
  if (!can(viewer, "dialogue:read", resource)) return null;
  return {
    dialogue,
    resource,
    may: permissions(viewer, resource),
    // Decision 030: a member follows their dialogue until they unfollow it.
    following: viewer !== null && (own.follows ?? viewer.dialogueRoles[dialogue.id] !== undefined),
    mediationCases: viewer === null ? [] : own.mediationCases,
    publicVersion: loaded.version,
  };
});

/**
 * The dialogue at /<municipality>/<dialogue> as `viewer` may read it, with its policy resource
 * and the page's permission flags; null when there is none or the viewer may not read it (a
 * draft outside its host team). Request-cached: generateMetadata and the page share one query.
 */
export async function loadDialogue(
  viewer: Viewer | null,
  slugs: { municipalitySlug: string; dialogueSlug: string },
  now: Date = new Date(),
): Promise<DialogueForViewer | null> {
  const parsed = slugsSchema.safeParse(slugs);
  // A string that cannot be a slug names no dialogue: the same answer as an unknown one.
  if (!parsed.success) return null;
  const loaded = await loadOnce(viewer, parsed.data.municipalitySlug, parsed.data.dialogueSlug);
  if (!loaded) return null;
  // Upcoming soonest first, then past latest first; a meeting that has started but not ended is
  // still upcoming (as listMeetings has it).
  const isPast = (meeting: MeetingView) => (meeting.endsAt ?? meeting.startsAt) < now;
  const { meetings } = loaded.dialogue;
  return {
    ...loaded,
    dialogue: { ...loaded.dialogue, meetings: { upcoming: meetings.filter((meeting) => !isPast(meeting)), past: meetings.filter(isPast).reverse() } },
  };
}

/**
 * loadDialogue for the sub-pages of a published dialogue (posting, results, a contribution and its
 * transcript and receipt, the answer queue, responsibilities): the same request-cached statement,
 * and a DRAFT is not found here for anyone — its host team works on the dialogue page itself.
 */
export async function loadPublishedDialogue(
  viewer: Viewer | null,
  slugs: { municipalitySlug: string; dialogueSlug: string },
): Promise<DialogueForViewer | null> {
  const loaded = await loadDialogue(viewer, slugs);
  return loaded && publishedDialogue.holds(loaded.dialogue) ? loaded : null;
}
