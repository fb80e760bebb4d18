import "server-only";
import { db } from "@/lib/db/client";

/** The municipality's actors, for choosing one in a form (a responsibility, an answer). */
export async function listActorChoices(municipalityId: string) {
  return db.actor.findMany({ where: { municipalityId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
