import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ActorEntry } from "@/components/actors/actor-entry";
import { direction } from "@/lib/i18n/routing";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import type { ThemeResponsibilities } from "@/lib/responsibilities/list-responsibilities";

/**
 * A dialogue's organigram: each theme, and under it the actors responsible for it. Nested lists
 * in the DOM (a screen reader reads "list, 4 items"), drawn as a tree with logical borders.
 * `control` adds a control per responsibility (the remove button on the manage page).
 * `language`: the dialogue's main language, in which its staff write the notes.
 */
export async function DialogueOrganigram({
  map,
  language,
  control,
}: {
  map: ThemeResponsibilities[];
  language: string;
  control?: (responsibility: ThemeResponsibilities["responsibilities"][number]) => ReactNode;
}) {
  const [t, themeName] = await Promise.all([getTranslations("responsibilities"), getThemeNamer()]);
  return (
    <ul className="mt-6 space-y-6" data-testid="organigram">
      {map.map(({ theme, responsibilities }) => (
        <li key={theme.id} className="rounded border-2 border-line bg-surface p-3">
          <h2 className="text-xl">{themeName(theme)}</h2>
          {responsibilities.length === 0 ? (
            <p className="mt-2 text-muted">{t("nobody")}</p>
          ) : (
            <ul className="mt-3 space-y-3 border-s-2 border-line ps-4">
              {responsibilities.map((responsibility) => (
                <li key={responsibility.id} className="relative before:absolute before:-start-4 before:top-6 before:w-4 before:border-t-2 before:border-line">
                  <ActorEntry actor={responsibility.actor}>
                    <p className="mt-2 text-sm">
                      <span className={responsibility.agreedAt ? "badge bg-proposal-bg text-ink" : "badge bg-white text-ink ring-1 ring-line"}>
                        {responsibility.agreedAt ? t("agreed") : t("notAgreed")}
                      </span>
                    </p>
                    {responsibility.note && (
                      <p className="mt-1 text-sm break-words" lang={language} dir={direction(language)}>
                        {responsibility.note}
                      </p>
                    )}
                    {control?.(responsibility)}
                  </ActorEntry>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
