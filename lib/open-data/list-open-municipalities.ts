import "server-only";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";
import { pageArgs, pageInput, toPage, type Page, type PageInput } from "./page";

export type OpenMunicipality = { id: string; slug: string; name: string; defaultLocale: string };

/** Every municipality on the platform (public facts only). */
export async function listOpenMunicipalities(input: PageInput): Promise<Page<OpenMunicipality>> {
  const page = parseInput(pageInput, input);
  const { where, ...args } = pageArgs(page);
  const rows = await db.municipality.findMany({ ...args, where, select: { id: true, slug: true, name: true, defaultLocale: true } });
  return toPage(rows, page.limit);
}
