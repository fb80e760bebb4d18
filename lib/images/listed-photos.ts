import "server-only";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { apiPaths } from "@/lib/routes/paths";

/**
 * A photo as the open-data API and the own-data download list it (decision 055): its description
 * in its language and the addresses of both sizes with their pixels — never its bytes. The
 * address serves it only while it may be seen (decision 050).
 */
export type ListedPhoto = {
  id: string;
  position: number;
  description: string;
  language: string;
  phone: { url: string; width: number; height: number };
  large: { url: string; width: number; height: number };
};

/**
 * The visible photos of these contributions, in their order: a photo hidden by moderation, or
 * whose bytes are gone (a withdrawal, a deleted account), is never listed. The contributions
 * themselves are the caller's to choose (visible ones for the open data, one's own for the download).
 */
export async function listedPhotos(contributionIds: readonly string[]): Promise<Map<string, ListedPhoto[]>> {
  const photos = new Map<string, ListedPhoto[]>(contributionIds.map((id) => [id, []]));
  if (contributionIds.length === 0) return photos;
  const rows = await db.contributionImage.findMany({
    where: { contributionId: { in: [...contributionIds] }, hiddenAt: null, filesDeletedAt: null },
    orderBy: [{ contributionId: "asc" }, { position: "asc" }],
    select: { id: true, contributionId: true, position: true, altText: true, altLanguage: true, width: true, height: true, largeWidth: true, largeHeight: true },
  });
  for (const row of rows) {
    photos.get(row.contributionId)?.push({
      id: row.id,
      position: row.position,
      description: row.altText,
      language: row.altLanguage,
      phone: { url: publicUrl(apiPaths.contributionImage(row.id, "phone")), width: row.width, height: row.height },
      large: { url: publicUrl(apiPaths.contributionImage(row.id, "large")), width: row.largeWidth, height: row.largeHeight },
    });
  }
  return photos;
}
