import "server-only";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { liveThemesSelect } from "./dialogue-select";

/**
 * What the form for a new dialogue offers: the municipality's language (it picks the default
 * code of conduct) and its live themes, for whom may create dialogues there (dialogue:create).
 * The page reaches it through loadNewDialoguePage (lib/pages/staff-pages.ts).
 */
export async function getDialogueFormOptions(viewer: Viewer | null, municipality: { id: string }) {
  authorize(viewer, "dialogue:create", { municipalityId: municipality.id });
  const { defaultLocale, themes } = await db.municipality.findUniqueOrThrow({
    where: { id: municipality.id },
    select: { defaultLocale: true, themes: liveThemesSelect },
  });
  return { defaultLocale, themes };
}
