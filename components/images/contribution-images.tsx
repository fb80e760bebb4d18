import { getTranslations } from "next-intl/server";
import { HideForm, ReasonForm } from "@/components/moderation/moderation-forms";
import { hideImageAction, unhideImageAction } from "@/lib/actions/moderation/moderation";
import type { ImageView } from "@/lib/images/list-images";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { apiPaths } from "@/lib/routes/paths";

type Props = {
  images: ImageView[];
  contributionId: string;
  locale: string;
  /** The dialogue's languages, when the viewer may hide photos (a moderator, not the author). */
  moderation: { languages: string[] } | null;
};

/**
 * The photos of a contribution (decision 050): each at phone size, loaded only when scrolled to
 * (`loading="lazy"`, width and height set so nothing jumps), its description as alt text in its
 * own language, and a plain link to the larger size. A hidden photo is a sentence with its
 * category; its author reads the moderator's reason under it (decision 055); moderators see it
 * above that, with the way back. Needs the "moderation" messages on
 * the client (ClientMessages) for the forms.
 */
export async function ContributionImages({ images, contributionId, locale, moderation }: Props) {
  if (images.length === 0) return null;
  const [t, tm] = await Promise.all([getTranslations("images"), getTranslations("moderation")]);
  const reasonLanguages = moderation && {
    options: moderation.languages.map((language) => ({ value: language, label: languageName(language, locale) })),
    defaultValue: moderation.languages.includes(locale) ? locale : moderation.languages[0],
  };
  return (
    <ul className="mt-4 space-y-4" aria-label={t("listLabel", { count: images.length })} data-testid="contribution-images">
      {images.map((image) => {
        const item = { itemType: "contribution" as const, itemId: contributionId, imageId: image.id };
        return (
          <li key={image.id}>
            {image.hiddenCategory && (
              <p className="text-muted italic" data-testid="hidden-image">
                {t("hidden", { category: tm(`categories.${image.hiddenCategory}`) })}
              </p>
            )}
            {image.hiddenReason && (
              <p className="mt-1 text-sm" data-testid="hidden-image-reason">
                {t("hiddenReason")}{" "}
                <span lang={image.hiddenReason.language} dir={direction(image.hiddenReason.language)}>
                  {image.hiddenReason.text}
                </span>
              </p>
            )}
            {image.shown && (
              <figure>
                {/* eslint-disable-next-line @next/next/no-img-element -- our own route; next/image would re-encode again and needs JavaScript for nothing */}
                <img
                  src={apiPaths.contributionImage(image.id, "phone")}
                  alt={image.altText}
                  lang={image.altLanguage}
                  dir={direction(image.altLanguage)}
                  width={image.width}
                  height={image.height}
                  loading="lazy"
                  decoding="async"
                  className="h-auto max-w-full rounded border border-line"
                />
                <figcaption className="mt-1 text-sm">
                  <a href={apiPaths.contributionImage(image.id, "large")}>{t("larger")}</a>
                </figcaption>
              </figure>
            )}
            {moderation && reasonLanguages && !image.hiddenCategory && (
              <HideForm
                action={hideImageAction}
                item={item}
                reasonLanguages={reasonLanguages}
                summary={{ label: t("hide"), className: "cursor-pointer text-sm text-danger underline", detailsClassName: "mt-1" }}
              />
            )}
            {moderation && image.hiddenCategory && (
              <ReasonForm
                action={unhideImageAction}
                item={item}
                label={tm("notice.unhideReason")}
                submit={t("unhide")}
                summary={{ label: t("unhide"), className: "cursor-pointer text-sm text-brand underline", detailsClassName: "mt-1" }}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
