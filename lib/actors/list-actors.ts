import "server-only";
import { db } from "@/lib/db/client";
import { versionsSelect } from "@/lib/host-texts/version-select";
import { findMunicipality } from "@/lib/municipalities/find-municipality";
import { ACTOR_KINDS } from "./actor-fields";
import { publishedDialogue } from "@/lib/policy/visibility";

export const publicActorSelect = {
  id: true,
  name: true,
  kind: true,
  refugeeLed: true,
  description: true,
  contactEmail: true,
  contactPhone: true,
  website: true,
  address: true,
  // Its description in other languages, and the language of the original (decision 025).
  translations: versionsSelect({ body: true }),
  municipality: { select: { defaultLocale: true } },
} as const;

/**
 * The municipality's organigram (W2): every actor, grouped by kind in a fixed order, with what
 * it is responsible for in the public dialogues. Public: actors published these details
 * themselves. Null for an unknown municipality.
 */
export async function listActors(municipalitySlug: string) {
  const municipality = await findMunicipality(municipalitySlug);
  if (!municipality) return null;
  const actors = await db.actor.findMany({
    where: { municipalityId: municipality.id },
    orderBy: { name: "asc" },
    select: {
      ...publicActorSelect,
      responsibilities: {
        where: { dialogue: publishedDialogue.where },
        orderBy: [{ dialogue: { createdAt: "desc" } }, { theme: { position: "asc" } }, { theme: { name: "asc" } }],
        select: {
          id: true,
          agreedAt: true,
          note: true,
          theme: { select: { id: true, key: true, name: true } },
          dialogue: { select: { id: true, slug: true, title: true, languages: true } },
        },
      },
    },
  });
  const groups = ACTOR_KINDS.map((kind) => ({ kind, actors: actors.filter((actor) => actor.kind === kind) })).filter(
    (group) => group.actors.length > 0,
  );
  return { municipality, groups };
}

export type ListedActor = NonNullable<Awaited<ReturnType<typeof listActors>>>["groups"][number]["actors"][number];
