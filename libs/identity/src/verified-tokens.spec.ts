import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  it('answers a token until its expiry, then forgets it', () => {
    const tokens = new VerifiedTokens<string>();
    tokens.set('a', 'alice', 1_000);
    expect(tokens.get('a', 999)).toBe('alice');
    expect(tokens.get('a', 1_000)).toBeUndefined();
    expect(tokens.get('a', 0)).toBeUndefined(); // gone once expired, even for an earlier clock
  });

  it('drops the oldest entry when full', () => {
    const tokens = new VerifiedTokens<string>(2);
    tokens.set('a', 'alice', 10);
    tokens.set('b', 'bob', 10);
    tokens.set('c', 'carol', 10);
    expect([tokens.get('a', 0), tokens.get('b', 0), tokens.get('c', 0)]).toEqual([undefined, 'bob', 'carol']);
  });

  it('knows nothing it was not told', () => {
    expect(new VerifiedTokens<string>().get('forged', 0)).toBeUndefined();
  });
});
