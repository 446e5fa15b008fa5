import { printable } from './printable';

describe('printable', () => {
  it('turns TAB and other control characters into spaces', () => {
    expect(printable('a\tb\u0000c\u001bd\u007fe\u0085f')).toBe('a b c d e f');
  });

  it('keeps line breaks, whichever convention', () => {
    expect(printable('a\r\nb\rc\nd\u2028e')).toBe('a\nb\nc\nd\ne');
  });

  it('leaves printable text alone', () => {
    expect(printable('交货及时 · 98.5 %')).toBe('交货及时 · 98.5 %');
  });
});
