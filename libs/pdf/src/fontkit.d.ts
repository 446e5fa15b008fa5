/** The one fontkit call used here (fontkit ships no types); the font is handed to pdfkit as is. */
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): object;
}
