import { getTranslations } from "next-intl/server";
import { DEFAULT_THEME_KEYS, type DefaultThemeKey } from "@/lib/themes/default-themes";

function isDefaultThemeKey(key: string | null): key is DefaultThemeKey {
  return key !== null && (DEFAULT_THEME_KEYS as readonly string[]).includes(key);
}

/**
 * Names themes in the UI language: docs/design.md's default themes from the catalogue
 * (`themes.<key>`), a municipality's own themes by the name it gave them.
 */
export async function getThemeNamer(): Promise<(theme: { key: string | null; name: string }) => string> {
  const t = await getTranslations("themes");
  return (theme) => (isDefaultThemeKey(theme.key) ? t(theme.key) : theme.name);
}
