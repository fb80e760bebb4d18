import { CheckboxField } from "@/components/form/form-fields";
import { altField, removePhotoField } from "@/lib/images/limits";
import { KEPT_PHOTOS_FIELD, type KeptPhoto } from "@/lib/images/kept-photos";
import type { Translate } from "./photo-fields";
import { RemovePhotoLabel } from "./remove-photo-label";

// Photos of the first post kept over the offer of similar contributions (decision 061): the post
// form says so, names each by its description with a box to remove it, and carries them to the
// post that follows in hidden fields — no photo is shown (it would be downloaded again on prepaid
// data) or sent again. Only the forms of the form routes show them (their code carries the form core).

/** The hidden fields that take the kept photos to the next post (the descriptions too, should one be gone by then). */
export function KeptPhotoFields({ photos }: { photos: readonly KeptPhoto[] }) {
  if (photos.length === 0) return null;
  return (
    <>
      <input type="hidden" name={KEPT_PHOTOS_FIELD} value={JSON.stringify(photos)} />
      {photos.map((photo) => (
        <input key={photo.id} type="hidden" name={altField(photo.field)} value={photo.altText} />
      ))}
    </>
  );
}

/**
 * "Your photos are kept …", and for each a box "Remove photo N: <its description>" that works
 * without JavaScript (decision 075): the post's action lets a ticked one go and offers its field
 * again. `heading`: the sentence above them; `images`: the "images" texts.
 */
export function KeptPhotoList({ photos, heading, images, language }: { photos: readonly KeptPhoto[]; heading: string; images: Translate; language: { lang: string; dir: "ltr" | "rtl" } }) {
  if (photos.length === 0) return null;
  return (
    <div className="mt-3 rounded border border-line bg-white p-3" data-testid="kept-photos">
      <p className="mb-2 text-sm font-semibold">{heading}</p>
      {photos.map((photo) => (
        <CheckboxField key={photo.id} name={removePhotoField(photo.id)} label={<RemovePhotoLabel number={photo.field + 1} altText={photo.altText} images={images} language={language} />} />
      ))}
    </div>
  );
}
