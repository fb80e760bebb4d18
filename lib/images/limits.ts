// What a photo on a contribution may be (decision 050). Read by the form (hints) and the server.

/** Photos one need or proposal may carry. */
export const IMAGES_PER_CONTRIBUTION = 3;
/** One photo as uploaded: a phone camera's JPEG of up to ~50 megapixels fits. */
export const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
/** Decoding stops beyond this many pixels (a small file can claim a huge image): sharp's limitInputPixels. */
export const IMAGE_MAX_INPUT_PIXELS = 50_000_000;
/** The size shown in the page: a 360 px screen at twice its density. */
export const PHONE_SIDE = 720;
/** The size behind "larger". */
export const LARGE_SIDE = 1600;
/** The description (alt text) of one photo. */
export const ALT_TEXT_MAX = 300;
/** What we serve: WebP, which every browser of the last years shows and which is small on prepaid data. */
export const IMAGE_CONTENT_TYPE = "image/webp";

/** The form's fields for photo `index` (0, 1, 2): the file and its description. */
export const photoField = (index: number) => `photo${index}`;
export const altField = (index: number) => `photo${index}Alt`;

/**
 * The checkbox that takes one photo off (decision 075): a kept one on the post and voice forms, a
 * photo of the post on its edit form. Named by the photo's id, so a tick never removes another.
 */
export const removePhotoField = (id: string) => `removePhoto-${id}`;

const REMOVE_PHOTO = /^removePhoto-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The ids of the photos a form's ticked "remove" boxes name (at most one a photo place). */
export function removedPhotoIds(values: Record<string, string | undefined>): string[] {
  const ids = Object.entries(values).flatMap(([name, value]) => (value === "on" ? (REMOVE_PHOTO.exec(name)?.slice(1, 2) ?? []) : []));
  return [...new Set(ids.map((id) => id.toLowerCase()))].slice(0, IMAGES_PER_CONTRIBUTION);
}

/** The photo places still free on a contribution that has `taken` photos (its edit form offers them). */
export const freePhotoPlaces = (taken: number): number[] => Array.from({ length: Math.max(0, IMAGES_PER_CONTRIBUTION - taken) }, (_, offset) => taken + offset);
