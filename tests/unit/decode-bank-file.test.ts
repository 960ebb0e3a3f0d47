import { decodeBankFile, MAX_BANK_FILE_BYTES } from '../../src/domain/bank';
import { BankFormatError } from '../../src/domain/errors';

function decodeErrorOf(bytes: Uint8Array, fileName = 'bank.md'): BankFormatError {
  try {
    decodeBankFile(bytes, fileName);
  } catch (error) {
    if (error instanceof BankFormatError) return error;
    throw error;
  }
  throw new Error('expected decodeBankFile to throw a BankFormatError');
}

describe('decodeBankFile', () => {
  it('decodes UTF-8, dropping a byte order mark and turning CRLF and CR into LF', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('## Раздел\r\n- вопрос\r\n\r\nend\rlast', 'utf8'),
    ]);
    expect(decodeBankFile(bytes, 'bank.md')).toBe('## Раздел\n- вопрос\n\nend\nlast');
  });

  it('accepts a plain Uint8Array', () => {
    expect(decodeBankFile(new TextEncoder().encode('## S\n- q\n'), 'bank.md')).toBe('## S\n- q\n');
  });

  it('names the line of the first invalid byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('## Раздел\n- ок\n- пло', 'utf8'),
      Buffer.from([0xd0]),
      Buffer.from('\n- x\xff', 'latin1'),
    ]);
    expect(decodeErrorOf(bytes, 'broken.md')).toMatchObject({
      line: 3,
      file: 'broken.md',
      message: 'file is not valid UTF-8 (first bad byte on this line)',
    });
  });

  it.each([
    ['an overlong encoding', [0xc0, 0x80]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a sequence cut short at the end', [0xe2, 0x82]],
    ['a stray continuation byte', [0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('rejects %s', (_, invalid) => {
    const bytes = Buffer.concat([Buffer.from('ok\nok\n'), Buffer.from(invalid)]);
    expect(decodeErrorOf(bytes)).toMatchObject({ line: 3 });
  });

  it('accepts a file of exactly 5 MB and rejects one byte more, as a whole-file error', () => {
    expect(decodeBankFile(Buffer.alloc(MAX_BANK_FILE_BYTES, 0x61), 'big.md')).toHaveLength(5 * 1024 * 1024);
    expect(decodeErrorOf(Buffer.alloc(MAX_BANK_FILE_BYTES + 1, 0x61), 'huge.md')).toMatchObject({
      line: 0,
      file: 'huge.md',
      message: 'file is larger than 5 MB',
    });
  });
});
