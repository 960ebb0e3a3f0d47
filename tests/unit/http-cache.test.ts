import { matchesIfNoneMatch } from '../../src/graphql/http-cache';

describe('If-None-Match (weak comparison, RFC 9110 §13.1.2)', () => {
  const etag = 'W/"abc"';

  it.each([
    ['the same weak tag', 'W/"abc"', true],
    ['the strong form of the tag', '"abc"', true],
    ['the tag in a list', '"x", W/"abc" ,"y"', true],
    ['*', '*', true],
    ['another tag', 'W/"abd"', false],
    ['a list without it', 'W/"x", "y"', false],
    ['an unquoted value', 'abc', false],
  ])('%s → %s', (_name, header, expected) => {
    expect(matchesIfNoneMatch(header, etag)).toBe(expected);
  });
});
