// Light emphasis in handout text, for the preview: `**bold**` and `*italic*` become styled
// segments of plain text. The result is rendered as text nodes, never as HTML.

export type Segment = { text: string; strong: boolean; em: boolean };

function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/.test(char);
}

/** Where a `**` run that closes emphasis starts, taking the last two of `***`; -1 if none. */
function findDoubleClose(text: string, from: number): number {
  for (let at = text.indexOf("**", from); at >= 0; at = text.indexOf("**", at + 1)) {
    if (text[at + 2] !== "*") return at;
  }
  return -1;
}

/** Where a single `*` that closes emphasis is, stepping over `**` pairs inside; -1 if none. */
function findSingleClose(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    if (text[at] !== "*") {
      at += 1;
    } else if (text[at + 1] === "*") {
      // A `**x**` inside the italic text, or the `*` that closes it right before a `**`.
      const close = findDoubleClose(text, at + 2);
      if (close < 0) return at;
      at = close + 2;
    } else {
      return at;
    }
  }
  return -1;
}

/** Emphasis needs text inside that neither starts nor ends with a space ("5 * 3 * 2" is plain). */
function usable(inner: string): boolean {
  return inner !== "" && !isSpace(inner[0]) && !isSpace(inner[inner.length - 1]);
}

function walk(text: string, strong: boolean, em: boolean, out: Segment[]): void {
  let plain = "";
  const flush = () => {
    if (plain !== "") out.push({ text: plain, strong, em });
    plain = "";
  };
  let at = 0;
  while (at < text.length) {
    if (text[at] === "*") {
      if (text[at + 1] === "*" && !strong) {
        const close = findDoubleClose(text, at + 2);
        const inner = close < 0 ? "" : text.slice(at + 2, close);
        if (usable(inner)) {
          flush();
          walk(inner, true, em, out);
          at = close + 2;
          continue;
        }
      } else if (text[at + 1] !== "*" && !em) {
        const close = findSingleClose(text, at + 1);
        const inner = close < 0 ? "" : text.slice(at + 1, close);
        if (usable(inner)) {
          flush();
          walk(inner, strong, true, out);
          at = close + 1;
          continue;
        }
      }
    }
    plain += text[at];
    at += 1;
  }
  flush();
}

/** Splits `text` into plain, bold and italic segments; unmatched stars stay as they are. */
export function parseEmphasis(text: string): Segment[] {
  const raw: Segment[] = [];
  walk(text, false, false, raw);
  // Neighbours with the same style read as one run.
  const merged: Segment[] = [];
  for (const segment of raw) {
    const last = merged.at(-1);
    if (last !== undefined && last.strong === segment.strong && last.em === segment.em) {
      last.text += segment.text;
    } else {
      merged.push({ ...segment });
    }
  }
  return merged;
}
