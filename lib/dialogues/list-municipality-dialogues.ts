import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { findMunicipality } from "@/lib/municipalities/find-municipality";
import { versionsSelect } from "@/lib/host-texts/version-select";
import { can, type Viewer } from "@/lib/policy/policy";
import { publishedDialogue } from "@/lib/policy/visibility";
import { countDialoguesByPhase, readDialoguePage, type DialogueKey } from "./dialogue-pages";
import { dialogueHeadlineSelect } from "./dialogue-select";

const municipalitySelect = {
  id: true,
  slug: true,
  name: true,
  defaultLocale: true,
  introduction: true,
  translations: versionsSelect({ body: true }),
} as const satisfies Prisma.MunicipalitySelect;

function municipalityOf({ translations, ...municipality }: Prisma.MunicipalityGetPayload<{ select: typeof municipalitySelect }>) {
  /** `versions`: the introduction in other languages (decision 025). */
  return { ...municipality, versions: translations };
}

const dialogueVersions = versionsSelect({ title: true, summary: true });

/**
 * The municipality at /<municipality> with the dialogues `viewer` may read: the public ones,
 * and drafts for their host team and the municipality's staff. Running phases first. Every one
 * of them: for the staff's overview of results (the municipality's page reads one page, below).
 */
export async function listMunicipalityDialogues(viewer: Viewer | null, municipalitySlug: string) {
  const municipality = await findMunicipality(municipalitySlug, {
    ...municipalitySelect,
    dialogues: {
      // The enum sorts in declaration order: DRAFT, COLLECTING … RESPONDING, then CLOSED.
      orderBy: [{ phase: "asc" }, { createdAt: "desc" }],
      select: { ...dialogueHeadlineSelect, translations: dialogueVersions },
    },
  });
  if (!municipality) return null;
  const dialogues = municipality.dialogues
    .filter((d) => can(viewer, "dialogue:read", { municipalityId: municipality.id, dialogueId: d.id, phase: d.phase }))
    .map(({ languages, translations, ...dialogue }) => ({ ...dialogue, language: languages[0] ?? "de", versions: translations }));
  return {
    municipality: municipalityOf(municipality),
    dialogues,
    mayCreate: can(viewer, "dialogue:create", { municipalityId: municipality.id }),
  };
}

/**
 * The dialogues of a municipality `viewer` may read, as a condition on "Dialogue" d: the
 * published ones, and the drafts dialogue:read lets them see — every draft for those it lets
 * read drafts town-wide (staff, the municipality's moderators), else those of the dialogues they
 * hold a role in that it admits (their host team's). The policy decides; the SQL only names them.
 */
function readableBy(viewer: Viewer | null, municipalityId: string): Prisma.Sql {
  const town = Prisma.sql`d."municipalityId" = ${municipalityId}::uuid`;
  if (can(viewer, "dialogue:read", { municipalityId, phase: "DRAFT" })) return town;
  const drafts = Object.keys(viewer?.dialogueRoles ?? {}).filter((dialogueId) => can(viewer, "dialogue:read", { municipalityId, dialogueId, phase: "DRAFT" }));
  if (drafts.length === 0) return Prisma.sql`${town} AND ${publishedDialogue.sql("d")}`;
  return Prisma.sql`${town} AND (${publishedDialogue.sql("d")} OR d."id" IN (${Prisma.join(drafts.map((id) => Prisma.sql`${id}::uuid`))}))`;
}

type Row = DialogueKey & { slug: string; title: string; summary: string; languages: string[] };

/**
 * The municipality's page: the municipality, and one page of the dialogues `viewer` may read in
 * the order of every page of dialogues (lib/dialogues/dialogue-pages: phase with drafts first,
 * newest first), with how many each phase holds in all (the sections' counts, and the number of
 * pages). The same statements whatever the page: the municipality, the page's rows and the counts
 * (together), the page's translations.
 */
export async function listMunicipalityDialoguePage(
  viewer: Viewer | null,
  municipalitySlug: string,
  { page = 1, after, before }: { page?: number; after?: string; before?: string } = {},
) {
  const municipality = await findMunicipality(municipalitySlug, municipalitySelect);
  if (!municipality) return null;
  const readable = readableBy(viewer, municipality.id);
  const [{ rows, cursors }, { inPhase, pageCount }] = await Promise.all([
    readDialoguePage<Row>({ where: readable, columns: Prisma.sql`d."slug", d."title", d."summary", d."languages"`, page, after, before }),
    countDialoguesByPhase(readable),
  ]);
  const readableRows = rows.filter((d) => can(viewer, "dialogue:read", { municipalityId: municipality.id, dialogueId: d.id, phase: d.phase }));
  const translations =
    readableRows.length === 0
      ? []
      : await db.translation.findMany({
          where: { dialogueId: { in: readableRows.map((d) => d.id) } },
          select: { dialogueId: true, ...dialogueVersions.select },
        });
  return {
    municipality: municipalityOf(municipality),
    dialogues: readableRows.map(({ languages, createdAt: _createdAt, ...dialogue }) => ({
      ...dialogue,
      language: languages[0] ?? "de",
      versions: translations.filter((version) => version.dialogueId === dialogue.id).map(({ dialogueId: _dialogueId, ...version }) => version),
    })),
    inPhase,
    page,
    pageCount,
    cursors,
    mayCreate: can(viewer, "dialogue:create", { municipalityId: municipality.id }),
  };
}
