import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput, type Message } from "@/lib/validation";
import { districtLanguages } from "./list-districts";
import { linkDistrictTexts } from "./link-district-texts";
import { nextDistrictPosition } from "./move-district";
import { MAX_BOUNDARY_BYTES, parseBoundary } from "./parse-boundary";

export const DISTRICT_NAME_MAX = 80;

/** The form's field for the name in `language`. */
export const nameField = (language: string) => `name-${language}`;

export const saveDistrictInput = z.object({
  municipalityId: z.uuid(),
  /** Absent: a new district. */
  districtId: z.uuid().optional(),
  /** Language → name as typed; empty names are dropped. */
  names: z.record(z.string(), z.string().trim().max(DISTRICT_NAME_MAX, { error: "districtValidation.nameTooLong" })),
  /** GeoJSON text from the file or the text field; empty keeps the current boundary. */
  boundary: z.string().max(MAX_BOUNDARY_BYTES * 2).default(""),
  removeBoundary: z.boolean().default(false),
  /** Absent: an edited district keeps its place, a new one goes last (./move-district.ts reorders). */
  position: z.coerce.number().int().min(0).max(999).optional(),
});

const normalised = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Staff name a district in the municipality's languages (its own required) and may give its
 * boundary as GeoJSON (./parse-boundary.ts). A name another district already has, in any
 * language, is refused: the old free-text values are matched by name (./link-district-texts.ts),
 * which runs in the same transaction.
 */
export async function saveDistrict(viewer: Viewer | null, input: z.input<typeof saveDistrictInput>): Promise<{ id: string; linked: number }> {
  const data = parseInput(saveDistrictInput, input);
  authorize(viewer, "district:manage", { municipalityId: data.municipalityId });
  const languages = await districtLanguages(data.municipalityId);
  const names = Object.fromEntries(languages.flatMap((language) => (data.names[language] ? [[language, data.names[language]]] : [])));
  const fieldErrors: Record<string, Message[]> = {};
  const main = languages[0]!;
  if (!names[main]) fieldErrors[nameField(main)] = [{ key: "validation.required" }];

  const others = await db.district.findMany({
    where: { municipalityId: data.municipalityId, ...(data.districtId ? { id: { not: data.districtId } } : {}) },
    select: { names: true },
  });
  const taken = new Set(others.flatMap((other) => Object.values(other.names as Record<string, string>).map(normalised)));
  for (const [language, name] of Object.entries(names)) {
    if (taken.has(normalised(name))) fieldErrors[nameField(language)] = [{ key: "districtValidation.nameTaken" }];
  }

  const parsed = data.boundary.trim() === "" ? null : parseBoundary(data.boundary);
  if (parsed && !parsed.ok) fieldErrors.boundary = [parsed.error];
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "district refused", { fieldErrors });
  const boundary = parsed?.ok ? parsed.boundary : data.removeBoundary ? null : undefined;

  return db.$transaction(async (tx) => {
    let id = data.districtId;
    if (id) {
      const updated = await tx.district.updateMany({
        where: { id, municipalityId: data.municipalityId },
        data: { names, ...(data.position !== undefined ? { position: data.position } : {}), ...(boundary !== undefined ? { boundary: boundary ?? Prisma.DbNull } : {}) },
      });
      if (updated.count === 0) throw new AppError("NOT_FOUND", "no such district");
    } else {
      ({ id } = await tx.district.create({
        data: { municipalityId: data.municipalityId, names, position: data.position ?? (await nextDistrictPosition(tx, data.municipalityId)), ...(boundary ? { boundary } : {}) },
        select: { id: true },
      }));
    }
    const linked = await linkDistrictTexts(tx, data.municipalityId);
    return { id, linked };
  });
}
