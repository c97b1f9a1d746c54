import { describe, expect, it } from "vitest";
import { shownTheme } from "./theme";

describe("the theme shown", () => {
  const plain = { dark: false, moreContrast: false };
  it("is her choice when she made one, whatever the system says", () => {
    expect(shownTheme("dark", plain)).toBe("dark");
    expect(shownTheme("light", { dark: true, moreContrast: true })).toBe("light");
    expect(shownTheme("contrast", { dark: true, moreContrast: false })).toBe("contrast");
  });
  it("follows the system otherwise, more contrast first", () => {
    expect(shownTheme("system", plain)).toBe("light");
    expect(shownTheme("system", { dark: true, moreContrast: false })).toBe("dark");
    expect(shownTheme("system", { dark: true, moreContrast: true })).toBe("contrast");
  });
});
