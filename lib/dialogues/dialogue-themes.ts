import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/**
 * The theme ids a dialogue gets: the chosen ones (which must be live themes of its
 * municipality) and, when named, the municipality's own new theme (reused if the name exists).
 */
export async function resolveThemeIds(
  tx: Prisma.TransactionClient,
  municipalityId: string,
  themeIds: readonly string[],
  newThemeName: string | undefined,
): Promise<string[]> {
  const chosen = await tx.theme.findMany({
    where: { id: { in: [...themeIds] }, municipalityId, archivedAt: null },
    select: { id: true },
  });
  if (chosen.length !== new Set(themeIds).size) {
    throw new AppError("INVALID_INPUT", "unknown theme", { fieldErrors: { themeIds: [{ key: "validation.invalid" }] } });
  }
  const ids = chosen.map((theme) => theme.id);
  if (newThemeName) {
    const last = await tx.theme.aggregate({ where: { municipalityId }, _max: { position: true } });
    const theme = await tx.theme.upsert({
      where: { municipalityId_name: { municipalityId, name: newThemeName } },
      update: { archivedAt: null },
      create: { municipalityId, name: newThemeName, position: (last._max.position ?? 0) + 1 },
      select: { id: true },
    });
    if (!ids.includes(theme.id)) ids.push(theme.id);
  }
  return ids;
}
