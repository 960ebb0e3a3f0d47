/**
 * src/graphql/mime-type.ts stands in for whatwg-mimetype in the Lambda bundle, where Apollo's
 * CSRF prevention and GET content-type check decide on its answer: the same null or essence as
 * the original for every input tried (hand-picked, then 20,000 seeded random ones).
 */
import MIMEType from '../../src/graphql/mime-type';
import { seededRandom } from '../../src/domain/sampling';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the reference implementation (no types)
const Original = require('whatwg-mimetype') as { parse(input: string): { essence: string } | null };

const answer = (parsed: { essence: string } | null): string | null => (parsed === null ? null : parsed.essence);

describe('MIME type essence', () => {
  it.each([
    ['application/json', 'application/json'],
    ['Application/JSON; charset=utf-8', 'application/json'],
    [' \t text/plain \r\n', 'text/plain'],
    ['text/plain ;charset=x', 'text/plain'],
    ['multipart/form-data; boundary=----x', 'multipart/form-data'],
    ['application/x-www-form-urlencoded;', 'application/x-www-form-urlencoded'],
    ['text /plain', null],
    ['text/ plain', null],
    ['text', null],
    ['text/', null],
    ['/plain', null],
    ['', null],
    ['te(xt/plain', null],
    ['t\u00e9xt/plain', null],
    ['text/plain\u00a0', null],
    ['text/plain;"', 'text/plain'],
    ['*/*', '*/*'],
  ])('%j → %j, as whatwg-mimetype says', (input, expected) => {
    expect(answer(MIMEType.parse(input))).toBe(expected);
    expect(answer(Original.parse(input))).toBe(expected);
  });

  it('agrees with whatwg-mimetype on 20,000 random inputs', () => {
    const random = seededRandom('mime-type');
    const parts = [
      'text',
      'Plain',
      'application',
      'json',
      '/',
      ';',
      ' ',
      '\t',
      '\n',
      '\r',
      '\f',
      '=',
      '"',
      'a',
      'Z',
      '-',
      '+',
      '.',
      '(',
      ',',
      '\u00e9',
      '\u00a0',
      '*',
      'charset',
      '\\',
    ];
    const disagreements: string[] = [];
    let essences = 0;
    for (let i = 0; i < 20_000; i++) {
      const pick = (n: number): string =>
        Array.from({ length: n }, () => parts[Math.floor(random() * parts.length)]).join('');
      // half free-form, half shaped like a header (type / subtype ; parameters) with stray parts
      const input =
        i % 2 === 0
          ? pick(1 + Math.floor(random() * 8))
          : `${pick(Math.floor(random() * 2))}text${pick(Math.floor(random() * 1.5))}/${pick(Math.floor(random() * 1.5))}plain${pick(Math.floor(random() * 3))}`;
      const ours = answer(MIMEType.parse(input));
      if (ours !== null) essences += 1;
      if (ours !== answer(Original.parse(input))) disagreements.push(JSON.stringify(input));
    }
    expect(disagreements).toEqual([]);
    // the inputs reach both answers, not only failures
    expect(essences).toBeGreaterThan(2_000);
  });
});
