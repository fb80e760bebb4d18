import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { findMunicipality } from "@/lib/municipalities/find-municipality";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { openDialogue, openDialogueSelect, type OpenDialogue } from "./open-dialogue-select";
import { pageArgs, pageInput, toPage, type Page, type PageInput } from "./page";
import { publishedDialogue } from "@/lib/policy/visibility";

const inputSchema = pageInput.extend({ municipalitySlug: z.string() });

/** A municipality's published dialogues (every phase but DRAFT). */
export async function listOpenDialogues(input: PageInput & { municipalitySlug: string }): Promise<Page<OpenDialogue>> {
  const { municipalitySlug, ...page } = parseInput(inputSchema, input);
  const municipality = await findMunicipality(municipalitySlug, { id: true });
  if (!municipality) throw new AppError("NOT_FOUND", "municipality not found");
  const { where, ...args } = pageArgs(page);
  const rows = await db.dialogue.findMany({
    ...args,
    where: { ...where, ...publishedDialogue.where, municipalityId: municipality.id },
    select: openDialogueSelect,
  });
  const { items, nextCursor } = toPage(rows, page.limit);
  return { items: items.map(openDialogue), nextCursor };
}
