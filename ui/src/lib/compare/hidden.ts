//! Invisible characters in compared text, shown as labelled marks so nothing is hidden or reordered:
//! bidi controls (U+202E makes "40" read "04"), tag characters, word joiners and stray control
//! characters. The same set as the engine's `hidden.rs`, which also makes bidi changes substantive.

/** Short label and full name of a character shown as a mark, or undefined for ordinary text. */
export function hiddenName(c: string): [string, string] | undefined {
  const cp = c.codePointAt(0) ?? 0;
  const named: Record<number, [string, string]> = {
    0x202a: ["LRE", "left-to-right embedding"],
    0x202b: ["RLE", "right-to-left embedding"],
    0x202c: ["PDF", "pop directional formatting"],
    0x202d: ["LRO", "left-to-right override"],
    0x202e: ["RLO", "right-to-left override"],
    0x2066: ["LRI", "left-to-right isolate"],
    0x2067: ["RLI", "right-to-left isolate"],
    0x2068: ["FSI", "first strong isolate"],
    0x2069: ["PDI", "pop directional isolate"],
    0x200e: ["LRM", "left-to-right mark"],
    0x200f: ["RLM", "right-to-left mark"],
    0x061c: ["ALM", "Arabic letter mark"],
    0x2060: ["WJ", "word joiner"],
    0xfeff: ["ZWNBSP", "zero-width no-break space"],
    0x180e: ["MVS", "Mongolian vowel separator"],
  };
  if (named[cp]) return named[cp];
  if (cp >= 0x2061 && cp <= 0x2064) return ["INV", "invisible operator"];
  if (cp >= 0xe0000 && cp <= 0xe007f) return ["TAG", "tag character"];
  const control = (cp < 0x20 && c !== "\n" && c !== "\t") || (cp >= 0x7f && cp <= 0x9f);
  if (control) {
    const code = "U+" + cp.toString(16).toUpperCase().padStart(4, "0");
    return [code, `control character ${code}`];
  }
  return undefined;
}

/** A piece of text: plain, or one hidden character with its label and name. */
export type Piece = { text: string } | { mark: string; name: string };

/** Splits text into plain runs and marks for its hidden characters. */
export function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let plain = "";
  for (const c of text) {
    const h = hiddenName(c);
    if (!h) {
      plain += c;
      continue;
    }
    if (plain) out.push({ text: plain });
    plain = "";
    out.push({ mark: h[0], name: h[1] });
  }
  if (plain) out.push({ text: plain });
  return out;
}
