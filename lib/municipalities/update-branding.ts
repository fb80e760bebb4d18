import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { ACCENT_FORMAT, ACCENT_TEXT, accentReadable, contrastRatio, shownRatio } from "./accent-contrast";
import { processLogo } from "./process-logo";

export const updateBrandingInput = z.object({
  municipalityId: z.uuid(),
  name: z.string().trim().min(2).max(120),
  // <input type="color"> sends "#rrggbb"; null (left empty, typed by hand) means "no accent".
  accentColor: z.string().trim().toLowerCase().pipe(z.string().regex(ACCENT_FORMAT, { message: "validation.accentFormat" })).nullable(),
  removeLogo: z.boolean().default(false),
});

/**
 * Staff set the municipality's name, logo and accent. An accent white text cannot be read on
 * (below WCAG AA 4.5:1) is refused with the ratio it has; a logo is re-encoded or refused
 * (./process-logo.ts). `logo`: the uploaded bytes, or null to keep the current one.
 */
export async function updateBranding(viewer: Viewer | null, input: z.input<typeof updateBrandingInput>, logo: Uint8Array | null): Promise<void> {
  const data = parseInput(updateBrandingInput, input);
  authorize(viewer, "municipality:brand", { municipalityId: data.municipalityId });
  if (data.accentColor && !accentReadable(data.accentColor)) {
    throw new AppError("INVALID_INPUT", "accent too light", {
      fieldErrors: { accentColor: [{ key: "validation.accentTooLight", params: { ratio: shownRatio(contrastRatio(data.accentColor, ACCENT_TEXT)) } }] },
    });
  }
  const processed = logo && logo.byteLength > 0 ? await processLogo(logo) : null;
  await db.$transaction(async (tx) => {
    await tx.municipality.update({ where: { id: data.municipalityId }, data: { name: data.name, accentColor: data.accentColor } });
    if (processed) {
      const row = { contentType: processed.contentType, bytes: processed.bytes, width: processed.width, height: processed.height, updatedAt: new Date() };
      await tx.municipalityLogo.upsert({ where: { municipalityId: data.municipalityId }, create: { municipalityId: data.municipalityId, ...row }, update: row });
    } else if (data.removeLogo) {
      await tx.municipalityLogo.deleteMany({ where: { municipalityId: data.municipalityId } });
    }
  });
}
