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

/** White or near-black, whichever contrasts more with `background` (WCAG luminance). */
export function readableTextOn(background: string): "#ffffff" | "#1f2b2a" {
  const rgb = parseHexColor(background);
  if (rgb === null) return "#ffffff";
  const [r, g, b] = rgb;
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const dark = 0.2126 * channel(0x1f) + 0.7152 * channel(0x2b) + 0.0722 * channel(0x2a);
  const withWhite = 1.05 / (luminance + 0.05);
  const withDark = (luminance + 0.05) / (dark + 0.05);
  return withWhite >= withDark ? "#ffffff" : "#1f2b2a";
}
