import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { slugSchema } from "@/lib/dialogues/slug";

const publicFields = { id: true, slug: true, name: true } satisfies Prisma.MunicipalitySelect;

/**
 * The municipality at /<municipality>, null when the slug is malformed or names none. Without a
 * `select`: its id, slug and name (public). The one way to look a municipality up by its slug.
 */
export async function findMunicipality<S extends Prisma.MunicipalitySelect = typeof publicFields>(
  slug: string,
  select: S = publicFields as S,
): Promise<Prisma.MunicipalityGetPayload<{ select: S }> | null> {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  return db.municipality.findUnique({ where: { slug: parsed.data }, select });
}
