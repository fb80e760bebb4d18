import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";

/** The municipality's name, accent and logo facts (not its bytes), once per request. */
export const getBranding = cache(async (municipalityId: string) =>
  db.municipality.findUnique({
    where: { id: municipalityId },
    select: { id: true, slug: true, name: true, accentColor: true, logo: { select: { width: true, height: true, updatedAt: true } } },
  }),
);

/** The stored logo for the route that serves it. */
export async function getLogo(municipalityId: string) {
  return db.municipalityLogo.findUnique({ where: { municipalityId }, select: { bytes: true, contentType: true, updatedAt: true } });
}
