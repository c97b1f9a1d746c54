// Whether the name typed in the erase dialog is the client's: the window's mirror of core's
// `clients::same_name`, used only to enable the button (the core decides, and refuses in words).

function key(s: string): string {
  return s.trim().split(/\s+/).join(" ").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Any case, with or without accents, in any Unicode form, with any spacing; never partly. */
export function sameName(typed: string, name: string): boolean {
  return typed.trim() !== "" && key(typed) === key(name);
}
