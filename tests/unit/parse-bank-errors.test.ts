import { parseBank } from '../../src/domain/bank';
import { bankSource, formatErrorOf } from './parse-bank.given';

describe('parseBank: bank format errors', () => {
  it('rejects a bank without questions, naming the whole file (line 0), the file and what a question is', () => {
    expect(formatErrorOf(bankSource('# Title', '', 'Only prose, no list.'), 'empty.md')).toMatchObject({
      name: 'BankFormatError',
      line: 0,
      file: 'empty.md',
      message: 'the bank has no questions: in the list style, each top-level list item is a question',
    });
    expect(formatErrorOf(bankSource('## Empty', '', 'Prose.'), 'empty.md').message).toBe(
      'the bank has no questions: in the list style, each top-level list item is a question',
    );
  });

  it('rejects a question longer than 10,000 characters, text and answer together, at its line', () => {
    const fits = bankSource('## S', '- ' + 'q'.repeat(5_000), '', '  ' + 'a'.repeat(5_000));
    expect(parseBank(fits, 'test.md').sections[0]!.questions).toHaveLength(1);
    const tooLong = bankSource('## S', '- fine', '- ' + 'q'.repeat(5_000), '', '  ' + 'я'.repeat(5_001));
    expect(formatErrorOf(tooLong)).toMatchObject({
      line: 3,
      message: 'question is longer than 10000 characters (10001, text and answer together)',
    });
  });

  it('rejects an explicit id used twice, at the second, naming the first', () => {
    const source = bankSource('## A', '- a <!-- id: same -->', '## B', '- b', '  <!-- id: same -->');
    expect(formatErrorOf(source)).toMatchObject({ line: 5, message: 'id "same" is already used at line 2' });
  });

  it.each([
    ['id: has space', 'id "has space" must be 1 to 64 letters, digits, "_" or "-", starting with a letter or digit'],
    ['id: -leading', 'id "-leading" must be 1 to 64 letters, digits, "_" or "-", starting with a letter or digit'],
    [
      `id: ${'x'.repeat(65)}`,
      `id "${'x'.repeat(65)}" must be 1 to 64 letters, digits, "_" or "-", starting with a letter or digit`,
    ],
    ['difficulty: 4', 'difficulty must be 1, 2 or 3, not "4"'],
    ['difficulty: 1.5', 'difficulty must be 1, 2 or 3, not "1.5"'],
    ['difficulty: easy', 'difficulty must be 1, 2 or 3, not "easy"'],
    ['id: a; id: b', 'the item has two ids: "a" and "b"'],
    ['difficulty: 1; difficulty: 2', 'the item has two difficulties: 1 and 2'],
  ])('rejects the metadata <!-- %s --> at the comment line', (metadata, message) => {
    const source = bankSource('## S', '1. Question', '', '   Answer.', `   <!-- ${metadata} -->`);
    expect(formatErrorOf(source)).toMatchObject({ line: 5, message });
  });

  it('rejects an item that does not start with a paragraph, and an empty item', () => {
    expect(formatErrorOf(bankSource('## S', '- a', '- ```', '  code', '  ```'))).toMatchObject({
      line: 3,
      message: 'the list item has no question: it must start with a paragraph',
    });
    expect(formatErrorOf(bankSource('## S', '', '1. a', '2.'))).toMatchObject({ line: 4 });
    expect(formatErrorOf(bankSource('## S', '- <!-- note -->'))).toMatchObject({
      line: 2,
      message: 'the note is empty',
    });
  });

  it('rejects a section heading without text', () => {
    expect(formatErrorOf(bankSource('## Fine', '- a', '##', '- b'))).toMatchObject({
      line: 3,
      message: 'a section heading has no text',
    });
  });

  it('throws the first error in document order', () => {
    const source = bankSource('## S', '- ' + 'q'.repeat(10_001), '  <!-- difficulty: 9 -->', '- b <!-- id: bad id -->');
    expect(formatErrorOf(source)).toMatchObject({ line: 2, message: expect.stringMatching(/^question is longer/) });
  });
});

describe('parseBank: front matter errors', () => {
  it('rejects broken YAML at its line in the file', () => {
    const source = bankSource('---', 'id: ok', 'title: a: b', '---', '## S', '- q');
    expect(formatErrorOf(source)).toMatchObject({
      line: 3,
      message: 'front matter is not valid YAML: Nested mappings are not allowed in compact mappings',
    });
  });

  it('rejects a key given twice', () => {
    const source = bankSource('---', 'id: a', 'title: x', 'id: b', '---', '## S', '- q');
    expect(formatErrorOf(source)).toMatchObject({
      line: 4,
      message: 'front matter is not valid YAML: Map keys must be unique',
    });
  });

  it('rejects front matter that is never closed', () => {
    expect(formatErrorOf(bankSource('---', 'id: a', '## S', '- q'))).toMatchObject({
      line: 1,
      message: 'front matter opened by "---" is never closed by another "---"',
    });
  });

  it('rejects a bank id that is not a lower-case slug, at its line', () => {
    const source = bankSource('---', 'title: T', 'id: ML_Junior', '---', '## S', '- q');
    expect(formatErrorOf(source)).toMatchObject({
      line: 3,
      message:
        'front matter id "ML_Junior" must be lower-case letters, digits and "-" (at most 64, starting with a letter or digit)',
    });
  });

  it('rejects a locale that is not a language tag', () => {
    const source = bankSource('---', 'locale: Russian language', '---', '## S', '- q');
    expect(formatErrorOf(source)).toMatchObject({ line: 2 });
  });

  it('rejects a value that is not plain text, and front matter that is not key: value lines', () => {
    expect(formatErrorOf(bankSource('---', 'id: a', 'title:', '  - x', '---', '## S', '- q'))).toMatchObject({
      line: 3,
      message: 'front matter "title" must be plain text',
    });
    expect(formatErrorOf(bankSource('---', '- a', '- b', '---', '## S', '- q'))).toMatchObject({
      line: 2,
      message: 'front matter must be a list of "key: value" lines',
    });
  });
});
