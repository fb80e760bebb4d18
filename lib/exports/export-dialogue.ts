import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { languageName } from "@/lib/i18n/language-names";
import { translatorFor } from "@/lib/i18n/translator";
import { authorize, can, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { DEFAULT_THEME_KEYS } from "@/lib/themes/default-themes";
import { parseInput } from "@/lib/validation";
import { RECORD_TYPE_KEYS, type ExportScope, type RecordTypeKey } from "./definition";
import type { Catalogue } from "./values";
import { csvChunks, jsonChunks, pullStream, xlsxStream, type Labels } from "./writers";

export const EXPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export const SEPARATORS = ["comma", "semicolon"] as const;
/** Where the JSON export's schema is served (app/api/v1/schemas/export.json). */
export const EXPORT_SCHEMA_PATH = "/api/v1/schemas/export.json";

export const exportInput = z.object({
  dialogueId: z.uuid(),
  /** CSV holds one record type; XLSX (one sheet each) and JSON hold them all. */
  recordType: z.enum(RECORD_TYPE_KEYS).default("contributions"),
  format: z.enum(EXPORT_FORMATS).default("csv"),
  separator: z.enum(SEPARATORS).default("comma"),
  /** Only moderators may ask for hidden content, and it is logged. */
  includeHidden: z.boolean().default(false),
  /** Language of column headers, sheet and theme names. */
  locale: z.string().min(2).max(35).default("de"),
  /** Absolute origin for the JSON `$schema` link. */
  origin: z.string().default(""),
});

export type ExportFile = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
} as const;

/**
 * A dialogue's results as a file for moderators and staff of its municipality, anonymous by
 * default (./definition.ts). The export is logged before the first byte is written; the rows
 * follow as the reader takes them.
 */
export async function exportDialogue(viewer: Viewer | null, input: z.input<typeof exportInput>): Promise<ExportFile> {
  const data = parseInput(exportInput, input);
  const resource = await dialogueResource(data.dialogueId);
  authorize(viewer, "export:download", resource);
  // Hidden content is the moderators' to see: staff without a moderator role cannot ask for it.
  if (data.includeHidden && !can(viewer, "content:hide", resource)) throw new AppError("FORBIDDEN", "includeHidden refused");
  if (!viewer) throw new AppError("UNAUTHENTICATED");

  const dialogue = await db.dialogue.findUniqueOrThrow({
    where: { id: data.dialogueId },
    select: { id: true, slug: true, title: true, phase: true, municipality: { select: { name: true, timeZone: true, defaultLocale: true } } },
  });
  const exportedAt = new Date();
  await db.exportLog.create({
    data: {
      dialogueId: dialogue.id,
      userId: viewer.id,
      format: data.format === "csv" ? "CSV" : data.format === "xlsx" ? "XLSX" : "JSON",
      includesHidden: data.includeHidden,
    },
  });

  const labels = await labelsFor(data.locale, dialogue.municipality);
  const scope: ExportScope = { dialogueId: dialogue.id, includeHidden: data.includeHidden };
  const stem = `mitreden-${dialogue.slug}${data.format === "csv" ? `-${data.recordType}` : ""}-${exportedAt.toISOString().slice(0, 10)}`;
  const body =
    data.format === "csv"
      ? pullStream(csvChunks(data.recordType, scope, labels, data.separator))
      : data.format === "json"
        ? pullStream(
            jsonChunks(scope, labels, {
              schema: `${data.origin}${EXPORT_SCHEMA_PATH}`,
              dialogue: { id: dialogue.id, title: dialogue.title, municipality: dialogue.municipality.name, phase: dialogue.phase },
              exportedAt,
            }),
          )
        : xlsxStream(scope, labels);
  return { filename: `${stem}.${data.format}`, contentType: CONTENT_TYPES[data.format], body };
}

/** The catalogue namespace of each coded value: the words the UI shows for the same codes. */
const TERMS: Record<Exclude<Catalogue, "sources">, string> = {
  kinds: "kinds",
  statuses: "statuses",
  perspectives: "perspectives",
  categories: "moderation.categories",
  moderationTypes: "moderation.log.types",
  phases: "phases",
};

/**
 * Headers, sheet names and values in the export's language; times on the municipality's clock;
 * the translated-text columns name the municipality's language.
 */
export async function labelsFor(locale: string, municipality: { timeZone: string; defaultLocale: string } = { timeZone: "Europe/Berlin", defaultLocale: "de" }): Promise<Labels> {
  const [columns, recordTypes, themes, exportsT, sources, voice, ...terms] = await Promise.all([
    translatorFor(locale, "exports.columns"),
    translatorFor(locale, "exports.recordTypes"),
    translatorFor(locale, "themes"),
    translatorFor(locale, "exports"),
    translatorFor(locale, "onBehalf.sources"),
    translatorFor(locale, "voice"),
    ...Object.values(TERMS).map((namespace) => translatorFor(locale, namespace)),
  ]);
  const byCatalogue = Object.fromEntries(Object.keys(TERMS).map((catalogue, index) => [catalogue, terms[index]!]));
  const defaultKeys = new Set<string>(DEFAULT_THEME_KEYS);
  const language = languageName(municipality.defaultLocale, locale);
  const column = (label: string) => columns(label, { language });
  return {
    column,
    codeColumn: (label) => exportsT("codeColumn", { column: column(label) }),
    recordType: (key: RecordTypeKey) => recordTypes(key),
    themeName: (theme) => (theme.key !== null && defaultKeys.has(theme.key) ? themes(theme.key) : theme.name),
    // Online contributions have no word of their own in the UI: "Online", as the support columns say.
    term: (catalogue, code) => (catalogue === "sources" ? (code === "ONLINE" ? columns("online") : sources(code)) : byCatalogue[catalogue]!(code)),
    languageName: (code) => languageName(code, locale),
    voice: { untitled: voice("untitled"), pending: voice("pending") },
    yes: exportsT("yes"),
    no: exportsT("no"),
    timeZone: municipality.timeZone,
  };
}
