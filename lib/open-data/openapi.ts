import "server-only";
import { z } from "zod";
import { publicOrigin, publicUrl } from "@/lib/env";
import { RECORD_TYPE_KEYS, recordType, type ColumnType } from "@/lib/exports/definition";
import { exportJsonKeys } from "@/lib/exports/writers";
import { EXPORT_SCHEMA_PATH } from "@/lib/exports/export-dialogue";
import { openDataSchemas, PAGING_PARAMETERS } from "./schemas";

// The open-data API described for machines: OpenAPI 3.1, its schemas generated from the zod
// schemas the tests hold the answers to (./schemas.ts). Paths here must match app/api/v1.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { "application/json": { schema } } });
const page = (item: string) => ({
  type: "object",
  required: ["data", "links"],
  properties: {
    data: { type: "array", items: ref(item) },
    links: { type: "object", required: ["next"], properties: { next: { type: ["string", "null"], format: "uri" } } },
  },
});
const one = (item: string) => ({ type: "object", required: ["data"], properties: { data: ref(item) } });
const retryAfter = { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 1 } } };
const problem = (description: string, headers?: object) => ({ ...json(ref("Error"), description), ...(headers ? { headers } : {}) });
// Every operation can answer these (shared Error schema): the rate limit and the database's absence.
const always = {
  "429": problem("Too many requests from this address; see Retry-After.", retryAfter),
  "503": problem("The database is unavailable for a moment; see Retry-After.", retryAfter),
};
const notFound = { "404": problem("No such published resource (drafts are not published).") };
const invalidPage = { "422": problem("Invalid cursor or limit.") };
const dialogueId = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
// Public data: no credentials, said explicitly on every operation.
const open = { security: [] as never[] };

export const OPEN_DATA_PATHS = {
  "/api/v1/municipalities": {
    get: {
      operationId: "listMunicipalities",
      summary: "Municipalities",
      ...open,
      parameters: PAGING_PARAMETERS,
      responses: { "200": json(page("Municipality"), "One page"), ...invalidPage, ...always },
    },
  },
  "/api/v1/municipalities/{slug}/dialogues": {
    get: {
      operationId: "listDialogues",
      summary: "A municipality's published dialogues",
      ...open,
      parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }, ...PAGING_PARAMETERS],
      responses: { "200": json(page("Dialogue"), "One page"), ...notFound, ...invalidPage, ...always },
    },
  },
  "/api/v1/dialogues/{id}": {
    get: {
      operationId: "getDialogue",
      summary: "A published dialogue",
      ...open,
      parameters: [dialogueId],
      responses: { "200": json(one("DialogueDetail"), "The dialogue"), ...notFound, ...always },
    },
  },
  "/api/v1/dialogues/{id}/contributions": {
    get: {
      operationId: "listContributions",
      summary: "Its visible needs and proposals, without personal data",
      ...open,
      parameters: [dialogueId, ...PAGING_PARAMETERS],
      responses: { "200": json(page("Contribution"), "One page"), ...notFound, ...invalidPage, ...always },
    },
  },
  "/api/v1/dialogues/{id}/responses": {
    get: {
      operationId: "listResponses",
      summary: "The public responses to its contributions",
      ...open,
      parameters: [dialogueId, ...PAGING_PARAMETERS],
      responses: { "200": json(page("Response"), "One page"), ...notFound, ...invalidPage, ...always },
    },
  },
  "/api/v1/dialogues/{id}/results": {
    get: {
      operationId: "getResults",
      summary: "Its results, support per perspective",
      ...open,
      parameters: [dialogueId],
      responses: { "200": json(one("Results"), "The results"), ...notFound, ...always },
    },
  },
  "/api/v1/dialogues/{id}/polls": {
    get: {
      operationId: "listPolls",
      summary: "Its quick polls; results per perspective once closed",
      ...open,
      parameters: [dialogueId],
      responses: { "200": json({ type: "object", required: ["data"], properties: { data: { type: "array", items: ref("Poll") } } }, "The polls"), ...notFound, ...always },
    },
  },
  "/api/v1/openapi.json": {
    get: {
      operationId: "getOpenApi",
      summary: "This document",
      ...open,
      responses: { "200": json({ type: "object", required: ["openapi", "paths"], properties: { openapi: { type: "string" }, paths: { type: "object" } } }, "OpenAPI 3.1"), ...always },
    },
  },
  "/api/v1/schemas/export.json": {
    get: {
      operationId: "getExportSchema",
      summary: "JSON Schema of the moderators' JSON export",
      ...open,
      responses: { "200": json({ type: "object", required: ["$schema", "properties"], properties: { $schema: { type: "string" }, properties: { type: "object" } } }, "JSON Schema 2020-12"), ...always },
    },
  },
} as const;

/** The document as served: its server is the public origin (lib/env.ts), so it is built per request. */
export function openApiDocument() {
  const { schemas } = z.toJSONSchema(openDataSchemas, { uri: (id) => `#/components/schemas/${id}` });
  return {
    openapi: "3.1.0",
    info: {
      title: "mitreden open data",
      version: "1",
      description:
        "Read-only public data of published dialogues: no personal data, hidden and withdrawn contributions left out, " +
        "support always per perspective. Lists are paged: follow links.next. Open to any origin; rate-limited per address.",
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: publicOrigin(), description: "This instance" }],
    paths: OPEN_DATA_PATHS,
    components: { schemas },
  };
}

const COLUMN_SCHEMA: Record<ColumnType, object> = {
  uuid: { type: "string", format: "uuid" },
  string: { type: "string" },
  integer: { type: "integer", minimum: 0 },
  boolean: { type: "boolean" },
  "date-time": { type: "string", format: "date-time" },
  date: { type: "string", format: "date" },
};

function columnSchema(type: string): object {
  const nullable = type.endsWith("?");
  const base = COLUMN_SCHEMA[type.replace("?", "") as ColumnType] as { type: string };
  return nullable ? { ...base, type: [base.type, "null"] } : base;
}

/** JSON Schema (2020-12) of the JSON export (lib/exports), from the same column declarations. */
export function exportJsonSchema() {
  const records = Object.fromEntries(
    RECORD_TYPE_KEYS.map((key) => {
      const { columns } = recordType(key);
      return [
        key,
        {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: exportJsonKeys(key),
            // A coded value: its machine code, and its word in the export's language beside it.
            properties: Object.fromEntries(
              columns.flatMap((column) =>
                column.code
                  ? [
                      [column.key, columnSchema(column.type.endsWith("?") ? "string?" : "string")],
                      [`${column.key}Label`, columnSchema(column.type)],
                    ]
                  : [[column.key, columnSchema(column.type)]],
              ),
            ),
          },
        },
      ];
    }),
  );
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: publicUrl(EXPORT_SCHEMA_PATH),
    title: "mitreden dialogue export",
    description:
      "Anonymous by default: no account ids or e-mail; authorName only where the author opted in. " +
      "Supports per contribution and perspective, online and at meetings apart. Hidden content only when a moderator asked (includesHidden).",
    type: "object",
    additionalProperties: false,
    required: ["$schema", "dialogue", "exportedAt", "timeZone", "includesHidden", ...RECORD_TYPE_KEYS],
    properties: {
      $schema: { type: "string" },
      dialogue: {
        type: "object",
        required: ["id", "title", "municipality", "phase", "phaseLabel"],
        properties: {
          id: { type: "string", format: "uuid" },
          title: { type: "string" },
          municipality: { type: "string" },
          phase: { type: "string" },
          phaseLabel: { type: "string" },
        },
      },
      exportedAt: { type: "string", format: "date-time", description: "With the municipality's UTC offset, as every time in the export." },
      timeZone: { type: "string", description: "The municipality's IANA time zone." },
      includesHidden: { type: "boolean" },
      ...records,
    },
  };
}
