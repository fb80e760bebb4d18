import { z } from "zod";

/**
 * Where to go after signing in: a path on this site. One leading "/" and no "//" or "/\" that
 * browsers would read as another host; only printable ASCII without "\" (a control character
 * or a raw non-ASCII letter cannot stand in a Location header, and Next.js would answer 500).
 * Paths with other letters arrive percent-encoded, as browsers send them.
 */
export const LOCAL_PATH = /^\/(?![/\\])[!-[\]-~]*$/;

/** The local-path rule as a form field: anything else is dropped (the default place applies). */
export const localPathField = z.string().regex(LOCAL_PATH).optional().catch(undefined);
