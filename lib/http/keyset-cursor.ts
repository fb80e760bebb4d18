import type { z } from "zod";

/**
 * A keyset cursor in an address (`?after=`/`?before=`): the sort key of a page's boundary row as
 * base64url JSON, checked with `schema` when it comes back. `decode` gives null for anything
 * that is not such a cursor (forged, broken, too long), and the list is then read by page number.
 * The contributions' list and the pages of dialogues each have their own key.
 */
export function keysetCursor<S extends z.ZodType>(schema: S, maxLength: number) {
  return {
    encode: (cursor: z.infer<S>): string => Buffer.from(JSON.stringify(cursor)).toString("base64url"),
    decode: (value: unknown): z.infer<S> | null => {
      if (typeof value !== "string" || value.length > maxLength || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
      try {
        const parsed = schema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
