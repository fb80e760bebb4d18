import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { DataTable } from "@/components/results/data-table";
import { pickDistrictName } from "@/lib/districts/district-names";
import { FEW_CONTRIBUTIONS, SHADES } from "@/lib/districts/district-rules";
import type { DistrictTally } from "@/lib/districts/get-district-map";
import { KEY_FONT_SIZE, KEY_RADIUS, NAME_FONT_SIZE, placeLabels } from "@/lib/districts/place-labels";
import { MAP_HEIGHT, MAP_WIDTH, projectDistricts } from "@/lib/districts/project-districts";
import { direction } from "@/lib/i18n/routing";
import type { Path } from "@/lib/routes/paths";
import "./district-map.css";
import { getFormatter } from "@/lib/i18n/format";

/** Sequential fills, lightest (no needs) to darkest; each darker step keeps 3:1 to the one before in greyscale order. */
const FILLS = ["#eef3f8", "#bcd4ea", "#6fa3d2", "#2b6cb0", "#0b2f55"] as const;
/** Text on a fill: white on the two darkest. */
const labelOn = (shade: number | "few") => (typeof shade === "number" && shade >= 3 ? "#ffffff" : "#1b1f24");

/**
 * The districts as a map drawn on the server (lib/districts/project-districts.ts) and the same
 * numbers as a table. Each district is a link to the contributions that name it (`hrefFor`),
 * named for screen readers with its count; a district whose count is not shown is "few" in the
 * map, the legend and the table alike, in one hatched style (decision 049). Without boundaries
 * only the table shows.
 */
export async function DistrictMap({
  id,
  heading,
  districts,
  locale,
  fallbackLanguage,
  hrefFor,
}: {
  /** Unique on the page: ids of the title, the pattern and the table derive from it. */
  id: string;
  heading: string;
  districts: DistrictTally[];
  locale: string;
  /** The municipality's language, for districts without a name in the reader's. */
  fallbackLanguage: string;
  /** Where a district's link goes; null: not a link (a district that is "few" lists nothing). */
  hrefFor: (district: DistrictTally) => Path | null;
}) {
  if (districts.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("districtMap"), getFormatter()]);
  const named = districts.map((district) => ({ district, ...pickDistrictName(district.names, locale, fallbackLanguage) }));
  const projected = new Map(projectDistricts(districts).map((shape) => [shape.id, shape]));
  // Names where they fit, else a numbered key that is the district's row in the table (./place-labels.ts).
  const labels = placeLabels(
    named.flatMap(({ district, name }, index) => {
      const shape = projected.get(district.id);
      return shape ? [{ ...shape, name, key: index + 1 }] : [];
    }),
  );
  const keyOf = new Map(labels.flatMap((label) => (label.kind === "key" ? [[label.id, label.key]] : [])));
  const nameOf = new Map(named.map((entry) => [entry.district.id, entry]));
  const lang = (language: string) => (language.split("-")[0] === locale.split("-")[0] ? undefined : language);
  const count = (value: number | null) => (value === null ? t("few", { threshold: FEW_CONTRIBUTIONS }) : format.number(value));
  const accessibleName = (name: string, district: DistrictTally) =>
    district.needs === null ? t("regionFew", { name, threshold: FEW_CONTRIBUTIONS }) : t("regionCount", { name, needs: district.needs, contributions: district.contributions ?? 0 });
  const titleId = `${id}-title`;
  const pattern = `${id}-few`;

  return (
    <figure className="district-map mt-3" data-testid="district-map">
      {projected.size > 0 && (
        <>
          <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-labelledby={titleId} className="block h-auto w-full max-w-lg" focusable="false">
            <title id={titleId}>{t("mapTitle", { heading })}</title>
            <defs>
              <pattern id={pattern} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#ffffff" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#8a939d" strokeWidth="2" />
              </pattern>
            </defs>
            {named.map(({ district, name }) => {
              const shape = projected.get(district.id);
              if (!shape) return null;
              const fill = district.shade === "few" ? `url(#${pattern})` : FILLS[district.shade];
              const href = hrefFor(district);
              const region = <path d={shape.path} fill={fill} stroke="#1b1f24" strokeWidth="1" strokeLinejoin="round" />;
              return href ? (
                <Link key={district.id} href={href} aria-label={accessibleName(name, district)} className="district-map-region">
                  {region}
                </Link>
              ) : (
                <g key={district.id} role="img" aria-label={accessibleName(name, district)}>
                  {region}
                </g>
              );
            })}
            {labels.map((label) => {
              const { district, name, language } = nameOf.get(label.id)!;
              return label.kind === "name" ? (
                <text
                  key={label.id}
                  x={label.x}
                  y={label.y}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fontSize={NAME_FONT_SIZE}
                  fontWeight="600"
                  fill={labelOn(district.shade)}
                  lang={lang(language)}
                  direction={direction(language)}
                  aria-hidden="true"
                  className="district-map-label"
                  data-label="name"
                >
                  {name}
                </text>
              ) : (
                <g key={label.id} aria-hidden="true" className="district-map-label" data-label="key">
                  <circle cx={label.x} cy={label.y} r={KEY_RADIUS} fill="#ffffff" stroke="#1b1f24" strokeWidth="1" />
                  <text x={label.x} y={label.y} textAnchor="middle" dominantBaseline="central" fontSize={KEY_FONT_SIZE} fontWeight="700" fill="#1b1f24">
                    {format.number(label.key)}
                  </text>
                </g>
              );
            })}
          </svg>
          <figcaption className="mt-2 text-sm">
            <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label={t("legend")}>
              <li className="flex items-center gap-1.5">
                <svg viewBox="0 0 12 12" width="14" height="14" aria-hidden="true" focusable="false">
                  <rect width="12" height="12" fill={`url(#${pattern})`} stroke="#1b1f24" />
                </svg>
                {t("legendFew", { threshold: FEW_CONTRIBUTIONS })}
              </li>
              <li className="flex items-center gap-1.5">
                <svg viewBox={`0 0 ${12 * (SHADES + 1)} 12`} width={14 * (SHADES + 1)} height="14" aria-hidden="true" focusable="false">
                  {FILLS.map((fill, index) => (
                    <rect key={fill} x={index * 12} width="12" height="12" fill={fill} stroke="#1b1f24" />
                  ))}
                </svg>
                {t("legendShades")}
              </li>
              {keyOf.size > 0 && (
                <li className="flex items-center gap-1.5">
                  <KeyBadge number={format.number(1)} />
                  {t("legendKey")}
                </li>
              )}
            </ul>
          </figcaption>
        </>
      )}
      <DataTable
        id={`${id}-table`}
        caption={t("tableCaption", { heading })}
        columns={[t("district"), t("needs"), t("contributions")]}
        rows={named.map(({ district, name, language }) => {
          const href = hrefFor(district);
          const key = keyOf.get(district.id);
          return {
            key: district.id,
            lang: lang(language),
            header: (
              <>
                {key !== undefined && <KeyBadge number={format.number(key)} />}
                {href ? <Link href={href}>{name}</Link> : name}
              </>
            ),
            cells: [count(district.needs), count(district.contributions)],
          };
        })}
      />
      <p className="mt-2 text-sm text-muted">{t("note", { threshold: FEW_CONTRIBUTIONS })}</p>
    </figure>
  );
}

/** A district's number on the map, beside its name in the table and in the legend: seen, not read out. */
function KeyBadge({ number }: { number: string }) {
  return (
    <span aria-hidden="true" className="me-1.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full border border-ink bg-white text-xs font-bold text-ink tabular-nums" data-testid="district-key">
      {number}
    </span>
  );
}
