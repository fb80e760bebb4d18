import { districtShownSql } from "@/lib/districts/district-rules";
import "server-only";
import { db } from "@/lib/db/client";
import { publicPerspectiveSql } from "@/lib/perspectives/public-perspective";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Catalogue } from "./values";
import { visibleContribution } from "@/lib/policy/visibility";
import { publicUrl } from "@/lib/env";
import { apiPaths } from "@/lib/routes/paths";
import { pollExportRows, type PollExportRow } from "@/lib/polls/poll-export-rows";

// Every export, declared once: which records (a keyset-paginated query, so memory stays flat
// however large the dialogue) and which columns (key, catalogue label, value). The CSV, XLSX
// and JSON writers (./writers.ts) all read this one declaration.
//
// Anonymous by default (docs/design.md, principle 1 and 6): no account ids, no e-mail addresses,
// no recorder or interpreter names; a display name only where its owner ticked "Show my name
// in exports and results" (User.showNameInExports) and the account still exists. The voice's
// source is always there; its perspective only where the author shows it (User.showPerspective):
// ids of contributions and comments are public anchors beside names, so a private perspective
// in a row would name its owner's (docs/decisions/024-private-perspective.md). Support stays
// broken down by every perspective: it is counted, never one row per person.
//
// Values read as a council reads them (docs/decisions/027-exports-a-council-can-read.md): a
// coded column (`code`) shows the catalogue's word in the export's language, and its machine code
// goes beside it (JSON `kind` + `kindLabel`; CSV/XLSX an extra column at the end). Times are the
// municipality's (./values.ts).

export type Cell = string | number | boolean | Date | null;

/** What a value getter may need besides its row: the export's language. */
export type ValueContext = {
  themeName: (theme: { key: string | null; name: string }) => string;
  /** The UI's word for a code, in the export's language. */
  term: (catalogue: Catalogue, code: string) => string;
  /** A language's name in the export's language. */
  languageName: (code: string) => string;
  /** "Voice message" and "voice message, transcript pending", for an untitled one awaiting its transcript (decision 046). */
  voice: { untitled: string; pending: string };
};

/** The JSON type of a column's values ("?": may be null), for the documented JSON schema. */
export type ColumnType = "uuid" | "string" | "integer" | "boolean" | "date-time" | "date";

export type Column<Row> = {
  key: string;
  type: ColumnType | `${ColumnType}?`;
  /** Catalogue key under `exports.columns`. */
  label: string;
  value: (row: Row, context: ValueContext) => Cell;
  /** For a value shown in words: the machine code behind it (kept for re-import). */
  code?: (row: Row) => string | null;
};

/** A code shown as the UI's word, the code kept beside it. */
const coded = <Row>(key: string, label: string, catalogue: Catalogue, get: (row: Row) => string, type: ColumnType = "string"): Column<Row> => ({
  key,
  type,
  label,
  value: (row, context) => context.term(catalogue, get(row)),
  code: get,
});
/**
 * A code that may be absent, read as `whenNull` in words and in code alike: a perspective kept
 * private is exported exactly as a stated "not stated" (NOT_STATED), so the two cannot be told
 * apart (decision 024).
 */
const codedOrNull = <Row>(key: string, label: string, catalogue: Catalogue, get: (row: Row) => string | null, whenNull: string | null): Column<Row> => ({
  key,
  type: whenNull === null ? "string?" : "string",
  label,
  value: (row, context) => {
    const code = get(row) ?? whenNull;
    return code === null ? null : context.term(catalogue, code);
  },
  code: (row) => get(row) ?? whenNull,
});

/** Which rows: one dialogue, hidden content only when a moderator asked for it. */
export type ExportScope = { dialogueId: string; includeHidden: boolean };

export type RecordType<Row> = {
  key: string;
  columns: Column<Row>[];
  /** The rows in batches of at most BATCH_SIZE, in a stable order. */
  batches: (scope: ExportScope) => AsyncGenerator<Row[]>;
};

export const BATCH_SIZE = 1000;
const FIRST_UUID = "00000000-0000-0000-0000-000000000000";

/** Keyset pagination over `id`: each query starts after the last id of the one before. */
async function* keyset<Row extends { id: string }>(page: (after: string) => Promise<Row[]>): AsyncGenerator<Row[]> {
  let after = FIRST_UUID;
  for (;;) {
    const rows = await page(after);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < BATCH_SIZE || !last) return;
    after = last.id;
  }
}

/** The display name only when its owner opted in and the account was not deleted. */
const OPTED_IN_NAME = (alias: string) =>
  Prisma.raw(`CASE WHEN ${alias}."showNameInExports" AND ${alias}."deletedAt" IS NULL THEN ${alias}."displayName" END`);

/** Contributions a reader of the export may see: never withdrawn ones, hidden ones on request. */
const contributionVisible = (scope: ExportScope) =>
  scope.includeHidden ? Prisma.sql`c."withdrawnAt" IS NULL` : visibleContribution.sql("c");

const define = <Row>(recordType: RecordType<Row>) => recordType;

type ContributionRow = {
  id: string;
  createdAt: Date;
  kind: string;
  status: string;
  themeKey: string | null;
  themeName: string;
  title: string;
  body: string;
  awaitingTranscript: boolean;
  language: string;
  district: string | null;
  perspective: string | null;
  source: string;
  meetingId: string | null;
  interpreted: boolean;
  readBackConfirmedAt: Date | null;
  editedAt: Date | null;
  hiddenAt: Date | null;
  hiddenCategory: string | null;
  authorName: string | null;
  supportsOnline: number;
  supportsAtMeetings: number;
  translatedTitle: string | null;
  translatedBody: string | null;
  imageCount: number;
};

/** A photo is listed while it has bytes; a hidden one (on its own) only when hidden content was asked for (decision 050). */
const imageListed = (scope: ExportScope) =>
  scope.includeHidden ? Prisma.sql`i."filesDeletedAt" IS NULL` : Prisma.sql`i."filesDeletedAt" IS NULL AND i."hiddenAt" IS NULL`;

const contributions = define<ContributionRow>({
  key: "contributions",
  columns: [
    { key: "id", type: "uuid", label: "id", value: (r) => r.id },
    { key: "createdAt", type: "date-time", label: "createdAt", value: (r) => r.createdAt },
    coded<ContributionRow>("kind", "kind", "kinds", (r) => r.kind),
    coded<ContributionRow>("status", "status", "statuses", (r) => r.status),
    { key: "theme", type: "string", label: "theme", value: (r, c) => c.themeName({ key: r.themeKey, name: r.themeName }) },
    // A voice message awaiting its transcript is named so, in the export's language (decision 046).
    { key: "title", type: "string", label: "title", value: (r, c) => r.title || (r.awaitingTranscript ? c.voice.untitled : "") },
    { key: "body", type: "string", label: "body", value: (r, c) => (r.awaitingTranscript ? c.voice.pending : r.body) },
    { key: "language", type: "string", label: "language", value: (r, c) => c.languageName(r.language), code: (r) => r.language },
    { key: "district", type: "string?", label: "district", value: (r) => r.district },
    // Kept private (decision 024): "not stated", in words and as NOT_STATED, like a stated one.
    codedOrNull<ContributionRow>("perspective", "perspective", "perspectives", (r) => r.perspective, "NOT_STATED"),
    coded<ContributionRow>("source", "source", "sources", (r) => r.source),
    { key: "meetingId", type: "uuid?", label: "meetingId", value: (r) => r.meetingId },
    { key: "interpreted", type: "boolean", label: "interpreted", value: (r) => r.interpreted },
    { key: "readBackConfirmed", type: "boolean", label: "readBackConfirmed", value: (r) => r.readBackConfirmedAt !== null },
    { key: "edited", type: "boolean", label: "edited", value: (r) => r.editedAt !== null },
    { key: "hidden", type: "boolean", label: "hidden", value: (r) => r.hiddenAt !== null },
    codedOrNull<ContributionRow>("hiddenCategory", "hiddenCategory", "categories", (r) => r.hiddenCategory, null),
    { key: "authorName", type: "string?", label: "authorName", value: (r) => r.authorName },
    { key: "supportsOnline", type: "integer", label: "online", value: (r) => r.supportsOnline },
    { key: "supportsAtMeetings", type: "integer", label: "atMeetings", value: (r) => r.supportsAtMeetings },
    { key: "supportTotal", type: "integer", label: "supportTotal", value: (r) => r.supportsOnline + r.supportsAtMeetings },
    // The checked translation into the municipality's language, when the original is in another.
    { key: "translatedTitle", type: "string?", label: "translatedTitle", value: (r) => r.translatedTitle },
    { key: "translatedBody", type: "string?", label: "translatedBody", value: (r) => r.translatedBody },
    // The photos are listed (record type "images"), never embedded (decision 050).
    { key: "imageCount", type: "integer", label: "imageCount", value: (r) => r.imageCount },
  ],
  batches: (scope) =>
    keyset((after) =>
      db.$queryRaw<ContributionRow[]>`
        SELECT c."id", c."createdAt", c."kind"::text, c."status"::text, t."key" AS "themeKey", t."name" AS "themeName",
               c."title", c."body", c."awaitingTranscript", c."language",
               -- The district, only where it is shown on the pages too (decision 049), in the municipality's language.
               (SELECT coalesce(di."names"->>mu."defaultLocale", (SELECT n.value FROM jsonb_each_text(di."names") n ORDER BY n.key LIMIT 1))
                FROM "District" di WHERE di."id" = c."districtId" AND ${districtShownSql("c")}) AS "district",
               ${publicPerspectiveSql("contribution", "c")}::text AS "perspective", c."source"::text, c."meetingId",
               (c."interpreterId" IS NOT NULL OR c."interpreterName" IS NOT NULL) AS "interpreted",
               c."readBackConfirmedAt", c."editedAt", c."hiddenAt", c."hiddenCategory"::text,
               ${OPTED_IN_NAME("u")} AS "authorName",
               (SELECT count(*)::int FROM "Support" s WHERE s."contributionId" = c."id") AS "supportsOnline",
               (SELECT coalesce(sum(ms."count"), 0)::int FROM "MeetingSupport" ms WHERE ms."contributionId" = c."id") AS "supportsAtMeetings",
               tr."title" AS "translatedTitle", tr."body" AS "translatedBody",
               (SELECT count(*)::int FROM "ContributionImage" i WHERE i."contributionId" = c."id" AND ${imageListed(scope)}) AS "imageCount"
        FROM "Contribution" c
        JOIN "Theme" t ON t."id" = c."themeId"
        JOIN "Dialogue" d ON d."id" = c."dialogueId"
        JOIN "Municipality" mu ON mu."id" = d."municipalityId"
        LEFT JOIN "User" u ON u."id" = c."authorId"
        LEFT JOIN "Translation" tr ON tr."contributionId" = c."id" AND tr."language" = mu."defaultLocale" AND c."language" <> mu."defaultLocale"
          AND (tr."checkedAt" IS NOT NULL OR tr."method" = 'AUTHOR') AND tr."outdatedAt" IS NULL
        WHERE c."dialogueId" = ${scope.dialogueId}::uuid AND ${contributionVisible(scope)} AND c."id" > ${after}::uuid
        ORDER BY c."id" LIMIT ${BATCH_SIZE}`,
    ),
});

type CommentRow = {
  id: string;
  contributionId: string;
  parentId: string | null;
  createdAt: Date;
  perspective: string | null;
  language: string;
  body: string;
  editedAt: Date | null;
  hidden: boolean;
  authorName: string | null;
};

const comments = define<CommentRow>({
  key: "comments",
  columns: [
    { key: "id", type: "uuid", label: "id", value: (r) => r.id },
    { key: "contributionId", type: "uuid", label: "contributionId", value: (r) => r.contributionId },
    { key: "parentId", type: "uuid?", label: "parentId", value: (r) => r.parentId },
    { key: "createdAt", type: "date-time", label: "createdAt", value: (r) => r.createdAt },
    codedOrNull<CommentRow>("perspective", "perspective", "perspectives", (r) => r.perspective, "NOT_STATED"),
    { key: "language", type: "string", label: "language", value: (r, c) => c.languageName(r.language), code: (r) => r.language },
    { key: "body", type: "string", label: "body", value: (r) => r.body },
    { key: "edited", type: "boolean", label: "edited", value: (r) => r.editedAt !== null },
    { key: "hidden", type: "boolean", label: "hidden", value: (r) => r.hidden },
    { key: "authorName", type: "string?", label: "authorName", value: (r) => r.authorName },
  ],
  batches: (scope) =>
    keyset((after) =>
      db.$queryRaw<CommentRow[]>`
        SELECT m."id", m."contributionId", m."parentId", m."createdAt", ${publicPerspectiveSql("comment", "m")}::text AS "perspective", m."language", m."body",
               m."editedAt", (m."hiddenAt" IS NOT NULL OR c."hiddenAt" IS NOT NULL) AS "hidden",
               ${OPTED_IN_NAME("u")} AS "authorName"
        FROM "Comment" m
        JOIN "Contribution" c ON c."id" = m."contributionId"
        JOIN "User" u ON u."id" = m."authorId"
        WHERE c."dialogueId" = ${scope.dialogueId}::uuid AND ${contributionVisible(scope)} AND m."deletedAt" IS NULL
          ${scope.includeHidden ? Prisma.empty : Prisma.sql`AND m."hiddenAt" IS NULL`}
          AND m."id" > ${after}::uuid
        ORDER BY m."id" LIMIT ${BATCH_SIZE}`,
    ),
});

type SupportRow = { id: string; contributionId: string; title: string; perspective: string; online: number; atMeetings: number; contributionTotal: number };

/** Per contribution × perspective, online and meeting counts apart; never one row per person. */
const supports = define<SupportRow>({
  key: "supports",
  columns: [
    { key: "contributionId", type: "uuid", label: "contributionId", value: (r) => r.contributionId },
    { key: "title", type: "string", label: "title", value: (r) => r.title },
    coded<SupportRow>("perspective", "perspective", "perspectives", (r) => r.perspective),
    { key: "online", type: "integer", label: "online", value: (r) => r.online },
    { key: "atMeetings", type: "integer", label: "atMeetings", value: (r) => r.atMeetings },
    { key: "total", type: "integer", label: "total", value: (r) => r.online + r.atMeetings },
    // Beside the per-perspective counts: the contribution's whole support, every perspective together.
    { key: "contributionTotal", type: "integer", label: "contributionTotal", value: (r) => r.contributionTotal },
  ],
  batches: async function* (scope) {
    const perspectives = 4;
    // `id` is the contribution's: a batch is whole contributions, each with all perspectives.
    for await (const rows of keyset<SupportRow>((after) =>
      db.$queryRaw<SupportRow[]>`
        SELECT c."id", c."id" AS "contributionId", c."title", p."perspective"::text AS "perspective",
               (SELECT count(*)::int FROM "Support" s WHERE s."contributionId" = c."id" AND s."perspective" = p."perspective") AS "online",
               (SELECT coalesce(sum(ms."count"), 0)::int FROM "MeetingSupport" ms
                 WHERE ms."contributionId" = c."id" AND ms."perspective" = p."perspective") AS "atMeetings",
               (SELECT count(*)::int FROM "Support" s WHERE s."contributionId" = c."id")
                 + (SELECT coalesce(sum(ms."count"), 0)::int FROM "MeetingSupport" ms WHERE ms."contributionId" = c."id") AS "contributionTotal"
        FROM (SELECT c."id", c."title" FROM "Contribution" c
              WHERE c."dialogueId" = ${scope.dialogueId}::uuid AND ${contributionVisible(scope)} AND c."id" > ${after}::uuid
              ORDER BY c."id" LIMIT ${BATCH_SIZE / perspectives}) c
        CROSS JOIN unnest(enum_range(NULL::"Perspective")) AS p("perspective")
        ORDER BY c."id", p."perspective"`,
    )) {
      yield rows;
    }
  },
});

type ResponseRow = {
  id: string;
  contributionId: string;
  createdAt: Date;
  status: string;
  decidedBy: string | null;
  body: string;
  language: string;
  actorName: string | null;
  dueDate: Date | null;
};

/** The public answers: the deciding body and the responsible actor, never the writer's account. */
const responses = define<ResponseRow>({
  key: "responses",
  columns: [
    { key: "id", type: "uuid", label: "id", value: (r) => r.id },
    { key: "contributionId", type: "uuid", label: "contributionId", value: (r) => r.contributionId },
    { key: "createdAt", type: "date-time", label: "createdAt", value: (r) => r.createdAt },
    coded<ResponseRow>("status", "status", "statuses", (r) => r.status),
    { key: "decidedBy", type: "string?", label: "decidedBy", value: (r) => r.decidedBy },
    { key: "body", type: "string", label: "body", value: (r) => r.body },
    { key: "language", type: "string", label: "language", value: (r, c) => c.languageName(r.language), code: (r) => r.language },
    { key: "actor", type: "string?", label: "actor", value: (r) => r.actorName },
    // A calendar day (stored at UTC midnight): the writers keep it a day, not a time.
    { key: "dueDate", type: "date?", label: "dueDate", value: (r) => r.dueDate },
  ],
  batches: (scope) =>
    keyset((after) =>
      db.$queryRaw<ResponseRow[]>`
        SELECT r."id", r."contributionId", r."createdAt", r."status"::text, r."decidedBy", r."body", r."language", a."name" AS "actorName", r."dueDate"
        FROM "Response" r
        JOIN "Contribution" c ON c."id" = r."contributionId"
        LEFT JOIN "Actor" a ON a."id" = r."actorId"
        WHERE c."dialogueId" = ${scope.dialogueId}::uuid AND ${contributionVisible(scope)} AND r."id" > ${after}::uuid
        ORDER BY r."id" LIMIT ${BATCH_SIZE}`,
    ),
});

type MeetingRow = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  languages: string[];
  interpretationOffered: boolean;
  contributions: number;
  supports: number;
};

const meetings = define<MeetingRow>({
  key: "meetings",
  columns: [
    { key: "id", type: "uuid", label: "id", value: (r) => r.id },
    { key: "title", type: "string", label: "title", value: (r) => r.title },
    { key: "startsAt", type: "date-time", label: "startsAt", value: (r) => r.startsAt },
    { key: "endsAt", type: "date-time?", label: "endsAt", value: (r) => r.endsAt },
    { key: "place", type: "string", label: "place", value: (r) => r.place },
    { key: "languages", type: "string", label: "languages", value: (r, c) => r.languages.map(c.languageName).join(", "), code: (r) => r.languages.join(" ") },
    { key: "interpretationOffered", type: "boolean", label: "interpretationOffered", value: (r) => r.interpretationOffered },
    { key: "contributions", type: "integer", label: "contributionCount", value: (r) => r.contributions },
    { key: "supports", type: "integer", label: "supportCount", value: (r) => r.supports },
  ],
  batches: (scope) =>
    keyset((after) =>
      db.$queryRaw<MeetingRow[]>`
        SELECT mt."id", mt."title", mt."startsAt", mt."endsAt", mt."place", mt."languages", mt."interpretationOffered",
               (SELECT count(*)::int FROM "Contribution" c WHERE c."meetingId" = mt."id" AND ${contributionVisible(scope)}) AS "contributions",
               (SELECT coalesce(sum(ms."count"), 0)::int FROM "MeetingSupport" ms WHERE ms."meetingId" = mt."id") AS "supports"
        FROM "Meeting" mt
        WHERE mt."dialogueId" = ${scope.dialogueId}::uuid AND mt."id" > ${after}::uuid
        ORDER BY mt."id" LIMIT ${BATCH_SIZE}`,
    ),
});

type ModerationRow = {
  id: string;
  createdAt: Date;
  type: string;
  category: string | null;
  reason: string;
  contributionId: string | null;
  commentId: string | null;
};

/** What was done, when and why; not who did it or to whom (no account ids). */
const moderationLog = define<ModerationRow>({
  key: "moderationLog",
  columns: [
    { key: "id", type: "uuid", label: "id", value: (r) => r.id },
    { key: "createdAt", type: "date-time", label: "createdAt", value: (r) => r.createdAt },
    coded<ModerationRow>("type", "moderationType", "moderationTypes", (r) => r.type),
    codedOrNull<ModerationRow>("category", "category", "categories", (r) => r.category, null),
    { key: "reason", type: "string", label: "reason", value: (r) => r.reason },
    { key: "contributionId", type: "uuid?", label: "contributionId", value: (r) => r.contributionId },
    { key: "commentId", type: "uuid?", label: "commentId", value: (r) => r.commentId },
  ],
  batches: (scope) =>
    keyset((after) =>
      db.$queryRaw<ModerationRow[]>`
        SELECT ma."id", ma."createdAt", ma."type"::text, ma."category"::text, ma."reason", ma."contributionId", ma."commentId"
        FROM "ModerationAction" ma
        WHERE ma."dialogueId" = ${scope.dialogueId}::uuid AND ma."id" > ${after}::uuid
        ORDER BY ma."id" LIMIT ${BATCH_SIZE}`,
    ),
});

type ImageRow = { id: string; contributionId: string; position: number; altText: string; altLanguage: string; hiddenAt: Date | null };

/**
 * The photos of the contributions, one row each (decision 050): the description (alt text) and
 * the address of the larger size — listed, never embedded. The address serves the photo only
 * while it may be seen (a hidden one to moderators and staff alone).
 */
const images = define<ImageRow>({
  key: "images",
  columns: [
    { key: "id", type: "uuid", label: "id", value: (r) => r.id },
    { key: "contributionId", type: "uuid", label: "contributionId", value: (r) => r.contributionId },
    { key: "position", type: "integer", label: "imageNumber", value: (r) => r.position + 1 },
    { key: "altText", type: "string", label: "altText", value: (r) => r.altText },
    { key: "altLanguage", type: "string", label: "language", value: (r, c) => c.languageName(r.altLanguage), code: (r) => r.altLanguage },
    { key: "hidden", type: "boolean", label: "hidden", value: (r) => r.hiddenAt !== null },
    { key: "url", type: "string", label: "imageUrl", value: (r) => publicUrl(apiPaths.contributionImage(r.id, "large")) },
  ],
  batches: (scope) =>
    keyset((after) =>
      db.$queryRaw<ImageRow[]>`
        SELECT i."id", i."contributionId", i."position", i."altText", i."altLanguage", i."hiddenAt"
        FROM "ContributionImage" i JOIN "Contribution" c ON c."id" = i."contributionId"
        WHERE c."dialogueId" = ${scope.dialogueId}::uuid AND ${contributionVisible(scope)} AND ${imageListed(scope)} AND i."id" > ${after}::uuid
        ORDER BY i."id" LIMIT ${BATCH_SIZE}`,
    ),
});

/**
 * Closed quick polls per answer × perspective, online answers and hands at meetings apart; a
 * group under the small-number threshold is empty (null), as on the pages (decision 048).
 */
const polls = define<PollExportRow>({
  key: "polls",
  columns: [
    { key: "pollId", type: "uuid", label: "pollId", value: (r) => r.pollId },
    { key: "question", type: "string", label: "question", value: (r) => r.question },
    { key: "answer", type: "string", label: "answer", value: (r) => r.answer },
    coded<PollExportRow>("perspective", "perspective", "perspectives", (r) => r.perspective),
    { key: "people", type: "integer?", label: "people", value: (r) => r.people },
    { key: "online", type: "integer?", label: "online", value: (r) => r.online },
    { key: "atMeetings", type: "integer?", label: "atMeetings", value: (r) => r.atMeetings },
  ],
  batches: async function* (scope) {
    const rows = await pollExportRows(scope.dialogueId);
    for (let start = 0; start < rows.length; start += BATCH_SIZE) yield rows.slice(start, start + BATCH_SIZE);
  },
});

// The XLSX sheets and JSON arrays follow this order.
export const RECORD_TYPES = { contributions, comments, supports, responses, meetings, moderationLog, images, polls } as const;

export type RecordTypeKey = keyof typeof RECORD_TYPES;
export const RECORD_TYPE_KEYS = Object.keys(RECORD_TYPES) as [RecordTypeKey, ...RecordTypeKey[]];

/** A record type with its row type erased, for writers that treat them all alike. */
export function recordType(key: RecordTypeKey): RecordType<unknown> {
  return RECORD_TYPES[key] as unknown as RecordType<unknown>;
}
