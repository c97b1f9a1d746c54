import { describe, expect, it } from "vitest";
import { repairNavigatorLanguage, usableLanguage } from "./locale";

describe("usableLanguage", () => {
  it("keeps valid tags and canonicalises them", () => {
    expect(usableLanguage("en-GB")).toBe("en-GB");
    expect(usableLanguage("fr-ca")).toBe("fr-CA");
  });

  it("replaces what Intl rejects, such as the C locale", () => {
    expect(usableLanguage("C")).toBe("en-US");
    expect(usableLanguage("")).toBe("en-US");
    expect(usableLanguage(undefined, "en-GB")).toBe("en-GB");
    expect(usableLanguage("en_US.UTF-8")).toBe("en-US");
  });
});

describe("repairNavigatorLanguage", () => {
  it("makes Intl.NumberFormat(navigator.language) work under LANG=C", () => {
    const nav = { language: "C", languages: ["C"] } as unknown as Navigator;
    expect(() => new Intl.NumberFormat(nav.language)).toThrow(RangeError);
    repairNavigatorLanguage(nav);
    expect(nav.language).toBe("en-US");
    expect(nav.languages).toEqual(["en-US"]);
    expect(new Intl.NumberFormat(nav.language).format(1234.5)).toBe("1,234.5");
  });

  it("leaves a valid language alone", () => {
    const nav = { language: "de-DE", languages: ["de-DE", "en"] } as unknown as Navigator;
    repairNavigatorLanguage(nav);
    expect(nav.language).toBe("de-DE");
    expect(nav.languages).toEqual(["de-DE", "en"]);
  });
});
