// Colours on screen: text that stays readable on the practice's brand colour.

/** The brand colour a practice starts with, until she picks her own. */
export const DEFAULT_BRAND = "#2f6b66";

/** "#2f6b66" → [47, 107, 102]; null for anything that is not #rrggbb. */
export function parseHexColor(value: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value.trim());
  if (match === null) return null;
  return [
    parseInt(match[1] ?? "0", 16),
    parseInt(match[2] ?? "0", 16),
    parseInt(match[3] ?? "0", 16),
  ];
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of an #rrggbb colour (0 black … 1 white); null if not #rrggbb. */
export function luminance(color: string): number | null {
  const rgb = parseHexColor(color);
  if (rgb === null) return null;
  const [r, g, b] = rgb;
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21); null if either is not #rrggbb. */
export function contrastRatio(a: string, b: string): number | null {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === null || lb === null) return null;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** White or near-black, whichever contrasts more with `background` (WCAG luminance). */
export function readableTextOn(background: string): "#ffffff" | "#1f2b2a" {
  const withWhite = contrastRatio(background, "#ffffff");
  const withDark = contrastRatio(background, "#1f2b2a");
  if (withWhite === null || withDark === null) return "#ffffff";
  return withWhite >= withDark ? "#ffffff" : "#1f2b2a";
}
