import { z } from "zod";

/**
 * An e-mail address as people type it: without the space a phone keyboard adds after a
 * suggestion, in lower case (addresses are stored lower-case, user_email_lowercase).
 */
export function emailAddress() {
  return z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "validation.email" }).max(254));
}
