import "server-only";
import { db } from "@/lib/db/client";
import { publicActorSelect } from "@/lib/actors/list-actors";

/**
 * The organigram of one dialogue: each of its themes, in the dialogue's order, with the actors
 * responsible for it (agreed ones first). Themes nobody took on yet are listed too, so the gap
 * is visible. The caller has found the dialogue and checked that the viewer may see it.
 */
export async function listResponsibilities(dialogueId: string) {
  const [themes, responsibilities] = await Promise.all([
    db.dialogueTheme.findMany({
      where: { dialogueId },
      orderBy: [{ theme: { position: "asc" } }, { theme: { name: "asc" } }],
      select: { theme: { select: { id: true, key: true, name: true } } },
    }),
    db.responsibility.findMany({
      where: { dialogueId },
      orderBy: [{ agreedAt: { sort: "asc", nulls: "last" } }, { actor: { name: "asc" } }],
      select: { id: true, themeId: true, note: true, agreedAt: true, actor: { select: publicActorSelect } },
    }),
  ]);
  return themes.map(({ theme }) => ({ theme, responsibilities: responsibilities.filter((r) => r.themeId === theme.id) }));
}

export type ThemeResponsibilities = Awaited<ReturnType<typeof listResponsibilities>>[number];
