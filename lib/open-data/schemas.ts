import { z } from "zod";
import {
  ActorKind,
  ContributionKind,
  ContributionSource,
  ContributionStatus,
  DialoguePhase,
  Perspective,
} from "@/lib/generated/prisma/enums";
import { MAX_LIMIT } from "./page";

// The open-data API's answers as JSON (dates as ISO strings). Strict objects: a field that is
// not declared here (an author id, a name) fails tests/open-data; the OpenAPI document is
// generated from these same schemas (./openapi.ts).
/** Every schema the OpenAPI document lists under components.schemas, by id. */
export const openDataSchemas = z.registry<{ id: string; description?: string }>();

const id = z.uuid();
const dateTime = z.iso.datetime({ offset: true });
const nullableDateTime = dateTime.nullable();

export const themeSchema = z.strictObject({ id, key: z.string().nullable(), name: z.string() }).register(openDataSchemas, { id: "Theme" });

export const municipalitySchema = z
  .strictObject({ id, slug: z.string(), name: z.string(), defaultLocale: z.string() })
  .register(openDataSchemas, { id: "Municipality" });

const dialogueFields = {
  id,
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  phase: z.enum(DialoguePhase).exclude(["DRAFT"]),
  languages: z.array(z.string()).describe("BCP 47 codes; the first is the dialogue's main language."),
  collectingFrom: nullableDateTime,
  deliberatingFrom: nullableDateTime,
  respondingFrom: nullableDateTime,
  closesAt: nullableDateTime,
  createdAt: dateTime,
  municipality: z.strictObject({ slug: z.string(), name: z.string() }),
  themes: z.array(themeSchema),
};

export const dialogueSchema = z.strictObject(dialogueFields).register(openDataSchemas, { id: "Dialogue" });
export const dialogueDetailSchema = z
  .strictObject({ ...dialogueFields, description: z.string(), codeOfConduct: z.string() })
  .register(openDataSchemas, { id: "DialogueDetail" });

export const perspectiveSupportSchema = z
  .strictObject({ perspective: z.enum(Perspective), online: z.int().min(0), atMeetings: z.int().min(0) })
  .register(openDataSchemas, { id: "PerspectiveSupport" });

const photoSizeSchema = z.strictObject({ url: z.url(), width: z.int().min(1), height: z.int().min(1) });

/** A photo on a contribution (decision 055): its description and addresses, never its bytes. */
const photoSchema = z
  .strictObject({
    id,
    position: z.int().min(0).max(2),
    description: z.string().describe("The alt text its author wrote, in `language`."),
    language: z.string(),
    phone: photoSizeSchema.describe("WebP, at most 720 px a side."),
    large: photoSizeSchema.describe("WebP, at most 1600 px a side."),
  })
  .register(openDataSchemas, { id: "Photo", description: "Served from our origin only while it may be seen; without metadata (re-encoded, decision 050)." });

export const contributionSchema = z
  .strictObject({
    id,
    kind: z.enum(ContributionKind),
    status: z.enum(ContributionStatus),
    theme: themeSchema,
    language: z.string(),
    title: z.string(),
    body: z.string(),
    district: z.string().nullable().describe("The district it names, only where at least 5 visible contributions of the dialogue name it; null otherwise (decision 049)."),
    perspective: z
      .enum(Perspective)
      .nullable()
      .describe("The voice's perspective when it was written (a snapshot); null where the author keeps it private (never shown next to a name)."),
    source: z.enum(ContributionSource),
    meetingId: id.nullable(),
    createdAt: dateTime,
    supports: z.array(perspectiveSupportSchema).describe("One entry per perspective, lived experience first."),
    photos: z.array(photoSchema).describe("Its photos in their order; a photo hidden by moderation is never listed (decision 055)."),
  })
  .register(openDataSchemas, {
    id: "Contribution",
    description: "No author account, name or recorder: only whose voice (source, and perspective where the author shows it).",
  });

export const responseSchema = z
  .strictObject({
    id,
    contributionId: id,
    status: z.enum(ContributionStatus),
    decidedBy: z.string().nullable(),
    body: z.string(),
    actor: z.strictObject({ id, name: z.string(), kind: z.enum(ActorKind) }).nullable(),
    dueDate: z.iso.date().nullable(),
    createdAt: dateTime,
  })
  .register(openDataSchemas, { id: "Response" });

// The results page's figures (lib/results/get-dialogue-results.ts); only aggregates.
export const resultsSchema = z
  .looseObject({
    dialogueId: id,
    phase: z.enum(DialoguePhase),
    contributions: z.looseObject({ needs: z.int(), proposals: z.int(), byPerspective: z.array(z.looseObject({ perspective: z.enum(Perspective) })) }),
    needs: z.looseObject({ total: z.int(), answered: z.int(), answeredShare: z.number().nullable() }),
    supports: z.looseObject({ online: z.int(), atMeetings: z.int(), byPerspective: z.array(perspectiveSupportSchema) }),
    themes: z.array(z.looseObject({ theme: themeSchema })),
    meetings: z.array(z.looseObject({ id, title: z.string() })),
  })
  .register(openDataSchemas, { id: "Results" });

// Quick polls (lib/polls, decision 048): results only once closed, per perspective; a group under
// the small-number threshold is `shown: false` with no numbers, and there is no total across groups.
const groupTallySchema = z
  .discriminatedUnion("shown", [
    z.strictObject({
      perspective: z.enum(Perspective),
      shown: z.literal(true),
      people: z.int().min(0).nullable().describe("How many answered from this group (online; at meetings: at least this many, null for multiple choice)."),
      counts: z.array(z.int().min(0)).describe("Per answer, in the order of `texts[].answers`."),
    }),
    z.strictObject({ perspective: z.enum(Perspective), shown: z.literal(false).describe("Fewer than 5 people of this group: not shown.") }),
  ])
  .register(openDataSchemas, { id: "PollGroupTally" });

export const pollSchema = z
  .strictObject({
    id,
    choice: z.enum(["SINGLE", "MULTIPLE"]),
    state: z.enum(["upcoming", "open", "closed"]),
    opensAt: dateTime,
    closesAt: nullableDateTime,
    phase: z.enum(DialoguePhase).nullable(),
    closedAt: nullableDateTime,
    texts: z
      .array(
        z.strictObject({
          language: z.string(),
          question: z.string(),
          answers: z.array(z.string()),
          source: z
            .enum(["original", "author", "volunteer", "machine"])
            .describe("How this version came about: the original, the host team's own words, a volunteer's translation, or a machine translation."),
          checked: z.boolean().describe("A volunteer's translation the host team checked against the original; false for every other version."),
        }),
      )
      .describe("The original first."),
    results: z
      .strictObject({
        online: z.array(groupTallySchema),
        atMeetings: z.array(groupTallySchema),
        meetings: z.array(z.strictObject({ id, title: z.string(), startsAt: dateTime })),
      })
      .nullable()
      .describe("Null until the poll is closed."),
  })
  .register(openDataSchemas, { id: "Poll" });

export const errorSchema = z
  .strictObject({ error: z.strictObject({ code: z.enum(["NOT_FOUND", "INVALID_INPUT", "RATE_LIMITED", "UNAVAILABLE"]) }) })
  .register(openDataSchemas, { id: "Error" });

/** `{ data: [...], links: { next } }`: follow `next` until it is null. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({ data: z.array(item), links: z.strictObject({ next: z.url().nullable() }) });

export const one = <T extends z.ZodType>(item: T) => z.strictObject({ data: item });

export const PAGING_PARAMETERS = [
  { name: "cursor", in: "query", required: false, description: "The `next` link carries it.", schema: { type: "string", format: "uuid" } },
  { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: 50 } },
] as const;
