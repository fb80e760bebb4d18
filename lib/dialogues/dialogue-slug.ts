// A dialogue's address is derived from its title: readable, stable once created (posters
// carry it), unique within the municipality, and never one of the words the routes below
// /<municipality>/ use themselves.
export const RESERVED_DIALOGUE_SLUGS = new Set([
  "staff",
  "actors",
  "dialogues",
  "overview",
  "new",
  "manage",
  "invitations",
  "c",
  "join",
  "sign-in",
  "account",
  // The municipality-wide moderation queue (decision 030).
  "moderation",
  // The staff dashboard and the municipality's branding (decision 036).
  "dashboard",
  "branding",
  // The municipality's SMS / messenger numbers (decision 045).
  "messenger",
  // The municipality's districts (decision 049).
  "districts",
]);

const MAX_LENGTH = 60;

/** "Wohnen & Arbeit in Köln" → "wohnen-arbeit-in-koeln"; titles without Latin letters → "dialog". */
export function slugFromTitle(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_LENGTH)
    .replace(/^-+|-+$/g, "");
  if (base === "") return "dialog";
  return RESERVED_DIALOGUE_SLUGS.has(base) ? `${base}-dialog` : base;
}

/** The first of `base`, `base-2`, `base-3`, … that is not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
