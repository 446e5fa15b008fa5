/**
 * Text as the PDF can print it. The font has no glyph for control characters,
 * so a TAB or another control code in free text (a pasted customer comment)
 * printed as a missing-glyph box: each becomes a space. Line breaks stay line
 * breaks, whichever convention they come in.
 */
export function printable(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/[^\P{Cc}\n]/gu, ' ');
}
