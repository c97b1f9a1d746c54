// Every theme's text reads on its backgrounds: WCAG 2.2 AA (4.5:1) for every text colour on the
// backgrounds it is used on, in the default and dark themes, and AAA (7:1) in high contrast.
// The colours are the tokens of app.css; a theme that leaves a token out inherits the default's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "./color";
import { THEMES } from "./api/types";

const css = readFileSync(new URL("../app.css", import.meta.url), "utf8");

/** The #rgb and #rrggbb tokens (as #rrggbb) declared in the first block that opens with `selector {`. */
function tokens(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `app.css has no ${selector} block`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf("\n}\n", start));
  const found = new Map<string, string>();
  for (const [, name, hex] of body.matchAll(
    /--([\w-]+):\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\s*;/g,
  )) {
    if (name === undefined || hex === undefined) continue;
    const six = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
    found.set(name, `#${six}`);
  }
  return found;
}

function theme(name: string): Map<string, string> {
  const base = tokens(":root");
  if (name === "light") return base;
  return new Map([...base, ...tokens(`:root[data-theme="${name}"]`)]);
}

const ON = (fg: string, bgs: string[]) => bgs.map((bg) => [fg, bg] as const);
const TONES = [
  "info",
  "booked",
  "success",
  "neutral",
  "past",
  "declined",
  "testing",
  "edit",
  "attention",
  "handout",
  "protocol",
  "protocol-change",
  "checkin",
  "lab",
  "article",
  "template",
];
/** Text colour → the backgrounds the app shows it on. */
const PAIRS: (readonly [string, string])[] = [
  ...ON("text", [
    "bg",
    "surface",
    "surface-muted",
    "sidebar-bg",
    "row-hover",
    "item-hover",
    "surface-faint",
    "primary-soft",
    "calm-bg",
    "saved-bg",
    "enjoy-bg",
    "highlight",
  ]),
  ...ON("muted", ["bg", "surface", "surface-muted", "sidebar-bg", "surface-faint", "row-hover"]),
  ...ON("primary", ["bg", "surface", "surface-muted", "primary-soft"]),
  ...ON("on-primary", ["primary", "primary-hover", "danger"]),
  ...ON("danger", ["surface", "danger-soft", "tone-reacted-bg"]),
  ...ON("warning-fg", ["warning-bg", "tone-caution-bg"]),
  ["primary-strong", "primary-soft"],
  ["danger-strong", "danger-soft"],
  ["chip-fg", "chip-bg"],
  ["toast-fg", "toast-bg"],
  ["overdue-fg", "overdue-bg"],
  ["overdue-count-fg", "overdue-count-bg"],
  ["avoid-fg", "avoid-bg"],
  ["chart-band-label", "surface"],
  ...TONES.map((tone) => [`tone-${tone}-fg`, `tone-${tone}-bg`] as const),
];

describe("theme contrast", () => {
  it("knows every theme the comfort setting offers", () => {
    expect(THEMES.filter((t) => t !== "system")).toEqual(["light", "dark", "contrast"]);
  });

  for (const [name, least] of [
    ["light", 4.5],
    ["dark", 4.5],
    ["contrast", 7],
  ] as const) {
    it(`${name}: every text colour reads on its backgrounds (at least ${least}:1)`, () => {
      const colours = theme(name);
      const weak: string[] = [];
      for (const [fg, bg] of PAIRS) {
        const a = colours.get(fg);
        const b = colours.get(bg);
        expect(a, `--${fg} in ${name}`).toBeDefined();
        expect(b, `--${bg} in ${name}`).toBeDefined();
        const ratio = contrastRatio(a ?? "", b ?? "") ?? 0;
        if (ratio < least) weak.push(`--${fg} on --${bg}: ${ratio.toFixed(2)}:1`);
      }
      expect(weak).toEqual([]);
    });
  }

  it("catches a colour too weak for its background", () => {
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });
});
