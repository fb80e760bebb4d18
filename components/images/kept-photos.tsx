import { altField } from "@/lib/images/limits";
import { KEPT_PHOTOS_FIELD, PENDING_PHOTO_HOURS, type KeptPhoto } from "@/lib/images/kept-photos";
import type { Translate } from "./photo-fields";

// Photos of the first post kept over the offer of similar contributions (decision 061): the post
// form says so, names each by its description, and carries them to the post that follows in
// hidden fields — no photo is shown (it would be downloaded again on prepaid data) or sent again.

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

/** "Your photos are kept …" with each one's description. `t`: all texts; `images`: the "images" texts. */
export function KeptPhotoList({ photos, t, images, language }: { photos: readonly KeptPhoto[]; t: Translate; images: Translate; language: { lang: string; dir: "ltr" | "rtl" } }) {
  if (photos.length === 0) return null;
  return (
    <div className="mt-3 rounded border border-line bg-white p-3" data-testid="kept-photos">
      <p className="text-sm font-semibold">{t("similar.photosKept", { hours: PENDING_PHOTO_HOURS })}</p>
      <ul className="mt-2 list-disc ps-5 text-sm">
        {photos.map((photo) => (
          <li key={photo.id}>
            {images("photo", { number: photo.field + 1 })}:{" "}
            <span lang={language.lang} dir={language.dir} className="break-words">
              {photo.altText}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
