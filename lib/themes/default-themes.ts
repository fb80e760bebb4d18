// docs/design.md's themes: the social human rights the conference names (W7) and its other
// workshops. A municipality starts with these; their names come from the message catalogue
// (`themes.<key>`), so they read right in every language. Municipalities may add their own.
export const DEFAULT_THEME_KEYS = [
  "work",
  "education",
  "health",
  "housing",
  "culture",
  "digital",
  "counselling",
  "encounter",
  "self_organisation",
  "other",
] as const;

export type DefaultThemeKey = (typeof DEFAULT_THEME_KEYS)[number];

/** German names, stored in Theme.name as the fallback where no catalogue entry exists. */
export const DEFAULT_THEME_NAMES_DE: Record<DefaultThemeKey, string> = {
  work: "Arbeit",
  education: "Bildung und Sprache",
  health: "Gesundheit",
  housing: "Wohnen",
  culture: "Kulturelle Teilhabe",
  digital: "Digitale Teilhabe",
  counselling: "Beratung und Recht",
  encounter: "Begegnung und Nachbarschaft",
  self_organisation: "Selbstorganisation und Förderung",
  other: "Sonstiges",
};
