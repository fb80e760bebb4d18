import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { FEW_CONTRIBUTIONS } from "@/lib/districts/district-rules";
import { pickDistrictName } from "@/lib/districts/district-names";
import type { DialogueGroup, DistrictTally } from "@/lib/districts/get-district-map";
import { direction } from "@/lib/i18n/routing";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

/**
 * Under the municipality's district map: for each district with a shown count, the dialogues
 * that show it, each a link to that dialogue's list of the district (the map's regions point
 * here). Only groups a dialogue shows itself (decision 049).
 */
export async function DistrictDialogueLists({
  districts,
  groups,
  dialogues,
  locale,
  fallbackLanguage,
  municipalitySlug,
}: {
  municipalitySlug: string;
  districts: DistrictTally[];
  groups: DialogueGroup[];
  dialogues: { id: string; slug: string; title: string; language: string }[];
  locale: string;
  fallbackLanguage: string;
}) {
  const [t, format] = await Promise.all([getTranslations("districtMap"), getFormatter()]);
  const dialogueById = new Map(dialogues.map((dialogue) => [dialogue.id, dialogue]));
  const own = (language: string) => language.split("-")[0] === locale.split("-")[0];
  return (
    <div className="mt-4 space-y-4">
      {districts.map((district) => {
        const { name, language } = pickDistrictName(district.names, locale, fallbackLanguage);
        const shown = groups.filter((group) => group.districtId === district.id && dialogueById.has(group.dialogueId));
        return (
          <div key={district.id} id={`district-${district.id}`} className="scroll-mt-4">
            <h3 className="text-lg" {...(own(language) ? {} : { lang: language, dir: direction(language) })}>
              {name}
            </h3>
            {shown.length === 0 ? (
              <p className="text-sm text-muted">{t("few", { threshold: FEW_CONTRIBUTIONS })}</p>
            ) : (
              <ul className="mt-1 list-disc ps-5">
                {shown.map((group) => {
                  const dialogue = dialogueById.get(group.dialogueId)!;
                  return (
                    <li key={group.dialogueId}>
                      <Link
                        href={withQuery(dialoguePaths(municipalitySlug, dialogue.slug).home, { district: district.id }, "contributions")}
                        {...(own(dialogue.language) ? {} : { lang: dialogue.language, dir: direction(dialogue.language) })}
                      >
                        {dialogue.title}
                      </Link>{" "}
                      <span className="text-sm">{t("inDialogue", { needs: format.number(group.needs), contributions: format.number(group.contributions) })}</span>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
