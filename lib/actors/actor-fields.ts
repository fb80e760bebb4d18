import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

export const ACTOR_KINDS = [
  "MUNICIPAL_DEPARTMENT",
  "WELFARE_ASSOCIATION",
  "INITIATIVE",
  "MIGRANT_SELF_ORGANISATION",
  "REFUGEE_SELF_ORGANISATION",
  "OTHER",
] as const;

/** Optional text: an empty form field means "not published" (see actorData). */
const optional = <S extends z.ZodType<string, string>>(schema: S) => z.string().trim().pipe(z.union([z.literal(""), schema])).optional();

/**
 * An actor's public entry. Contact details are only what the actor chose to publish; whether it
 * is refugee-led is theirs to say (a checkbox, never inferred from the kind).
 */
export const actorFields = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(ACTOR_KINDS),
  refugeeLed: z.boolean().default(false),
  description: optional(z.string().max(2000)),
  contactEmail: optional(z.email().max(254)),
  contactPhone: optional(z.string().max(50).regex(/^\+?[0-9][0-9 ()/-]*$/)),
  website: optional(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(500)),
  address: optional(z.string().max(300)),
});

export type ActorFields = z.output<typeof actorFields>;

/** The columns for parsed fields: empty means not published, the checkbox is the actor's word. */
export function actorData(fields: ActorFields) {
  return {
    name: fields.name,
    kind: fields.kind,
    refugeeLed: fields.refugeeLed,
    description: fields.description || null,
    contactEmail: fields.contactEmail || null,
    contactPhone: fields.contactPhone || null,
    website: fields.website || null,
    address: fields.address || null,
  };
}

/** The unique (municipality, name) index as the name field's own message. */
export function nameTaken(error: unknown): AppError | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return undefined;
  return new AppError("INVALID_INPUT", "actor name taken", { fieldErrors: { name: [{ key: "actors.nameTaken" }] } });
}
