import "server-only";
import { db } from "@/lib/db/client";
import { slugSchema } from "@/lib/dialogues/slug";

/** The municipality at /<municipality>: its name and slug are public. Null when there is none. */
export async function findMunicipality(slug: string) {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  return db.municipality.findUnique({ where: { slug: parsed.data }, select: { id: true, slug: true, name: true } });
}
