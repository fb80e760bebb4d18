// The municipality's accent colour carries white text (the banner on its pages): it must reach
// WCAG 2.2 AA's 4.5:1 against white, so branding can never break accessibility.

export const ACCENT_TEXT = "#ffffff";
export const MIN_CONTRAST = 4.5;
export const ACCENT_FORMAT = /^#[0-9a-f]{6}$/;

/** WCAG relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The WCAG contrast ratio of two "#rrggbb" colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** The ratio rounded down to one decimal, as the refusal names it (4.48 is not 4.5). */
export function shownRatio(ratio: number): number {
  return Math.floor(ratio * 10) / 10;
}

export function accentReadable(accent: string): boolean {
  return contrastRatio(accent, ACCENT_TEXT) >= MIN_CONTRAST;
}
