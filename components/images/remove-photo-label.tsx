import type { Translate } from "./photo-fields";

// Not a client module: the edit form on a contribution's page (a read route) renders it on the
// server beside the deferred form parts, the post and voice forms in the browser (decision 068).

/** "Remove photo 2: <the description, in its language>" — which photo, told by what it shows. */
export function RemovePhotoLabel({ number, altText, images, language }: { number: number; altText: string; images: Translate; language: { lang: string; dir: "ltr" | "rtl" } }) {
  return (
    <>
      {images("remove", { number })}:{" "}
      <span lang={language.lang} dir={language.dir} className="break-words">
        {altText}
      </span>
    </>
  );
}
