import { z } from "zod";

/** A perspective a person declares themselves (SELF_DECLARED_PERSPECTIVES in ./perspectives.ts); "municipal staff" comes from a role. */
export const selfDeclaredPerspective = z
  .enum(["LIVED_EXPERIENCE", "LOCAL_ACTOR", "MUNICIPAL_STAFF", "NOT_STATED"])
  .default("NOT_STATED")
  .refine((perspective) => perspective !== "MUNICIPAL_STAFF", "validation.perspective_from_role");
