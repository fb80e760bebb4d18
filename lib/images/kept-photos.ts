// Photos kept over an offer of similar contributions (decision 061), as the post form carries them
// from the offer to the post that follows: a hidden field with their ids, photo fields and
// descriptions. Pure: the form reads it too. Whose they are is decided on the server only
// (lib/images/pending-photos.ts); the descriptions here are only shown back to the sender.
import { ALT_TEXT_MAX, altField, IMAGES_PER_CONTRIBUTION, photoField, removePhotoField } from "./limits";

/** How long a kept photo waits for the post after the offer. */
export const PENDING_PHOTO_HOURS = 2;

/** A kept photo: which, in which photo field, described how. */
export type KeptPhoto = { id: string; field: number; altText: string };

/** The post form's hidden field holding them (JSON). */
export const KEPT_PHOTOS_FIELD = "keptPhotos";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isKeptPhoto(value: unknown): value is KeptPhoto {
  if (typeof value !== "object" || value === null) return false;
  const { id, field, altText } = value as Record<string, unknown>;
  return (
    typeof id === "string" && UUID.test(id) &&
    Number.isInteger(field) && (field as number) >= 0 && (field as number) < IMAGES_PER_CONTRIBUTION &&
    typeof altText === "string" && altText.length <= ALT_TEXT_MAX
  );
}

/**
 * The kept photos a form names, one a photo field (anything malformed: none). Checked by hand,
 * not with zod: the post form reads it in the browser, and zod would be its largest module.
 */
export function keptPhotosOf(value: string | undefined): KeptPhoto[] {
  if (!value) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed) || parsed.length > IMAGES_PER_CONTRIBUTION || !parsed.every(isKeptPhoto)) return [];
  const photos = parsed.map(({ id, field, altText }) => ({ id, field, altText }));
  return photos.filter((photo, index) => photos.findIndex((other) => other.field === photo.field) === index);
}

/**
 * The kept photos a form carries, parted into those the person still wants and those whose
 * "remove" box they ticked (decision 075): the removed ones' fields are free again.
 */
export function keptPhotosOfForm(values: Record<string, string | undefined>): { kept: KeptPhoto[]; removed: KeptPhoto[] } {
  const all = keptPhotosOf(values[KEPT_PHOTOS_FIELD]);
  const ticked = (photo: KeptPhoto) => values[removePhotoField(photo.id)] === "on";
  return { kept: all.filter((photo) => !ticked(photo)), removed: all.filter(ticked) };
}

/**
 * After a refused post, the kept photos the form shows again: those it carried, less those the
 * person removed and those the server told as gone (their fields are offered again). `values`:
 * what was typed, less the removed photos' descriptions — a freed field comes back empty.
 */
export function keptAfterRefusal(state: { values: Record<string, string>; fieldErrors: Record<string, { key: string }[] | undefined> }): { kept: KeptPhoto[]; values: Record<string, string> } {
  const { kept, removed } = keptPhotosOfForm(state.values);
  const gone = (photo: KeptPhoto) => state.fieldErrors[photoField(photo.field)]?.some((message) => message.key === "images.errors.keptGone") ?? false;
  const values = { ...state.values };
  for (const photo of removed) delete values[altField(photo.field)];
  return { kept: kept.filter((photo) => !gone(photo)), values };
}
