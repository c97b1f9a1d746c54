// The check-in chart draws on a canvas, which CSS cannot colour: its colours are the --chart-…
// tokens of app.css (one set per theme), read when it is drawn.

/** The chart's colours as the theme on `el` defines them. */
export function chartColours(el: HTMLElement) {
  const style = getComputedStyle(el);
  const token = (name: string) => style.getPropertyValue(`--chart-${name}`).trim();
  return {
    axis: token("axis"),
    grid: token("grid"),
    bands: [token("band"), token("band-alt")],
    bandEdge: token("band-edge"),
    bandLabel: token("band-label"),
    labelBg: token("label-bg"),
    pointFill: token("point-fill"),
  };
}
