import { z } from "zod";

/** Same shape as the `municipality_slug_format` / `dialogue_slug_format` CHECK constraints. */
export const slugSchema = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
