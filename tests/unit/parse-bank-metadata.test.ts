import { readFileSync } from 'node:fs';
import { identityFromFileName, parseBank } from '../../src/domain/bank';
import { styleFixture } from '../support/banks';
import { bankSource, onlyQuestion } from './parse-bank.given';

describe('parseBank: metadata comments', () => {
  it('reads id, tags and difficulty from a comment at the end of the question, and removes it', () => {
    const question = onlyQuestion(
      bankSource(
        '## S',
        '1. What is a loss? <!-- id: gradient-and-loss; tags: Basics, optimisation , basics; difficulty: 1 -->',
      ),
    );
    expect(question).toMatchObject({
      explicitId: 'gradient-and-loss',
      text: 'What is a loss?',
      answer: '',
      tags: ['basics', 'optimisation'],
      difficulty: 1,
    });
  });

  it('reads metadata from comments on their own lines anywhere in the item, and drops those lines', () => {
    const question = onlyQuestion(
      bankSource(
        '## S',
        '- <!-- id: q_1 -->',
        '  Question text',
        '  <!-- tags: a, b -->',
        '',
        '  Answer one.',
        '',
        '  <!-- difficulty: 3 -->',
        '',
        '  Answer two.',
        '  <!-- tags: b, c -->',
      ),
    );
    expect(question).toMatchObject({
      explicitId: 'q_1',
      text: 'Question text',
      answer: 'Answer one.\n\nAnswer two.',
      tags: ['a', 'b', 'c'],
      difficulty: 3,
      line: 2,
    });
  });

  it('leaves ordinary HTML comments where they are', () => {
    const question = onlyQuestion(
      bankSource('## S', '1. Text <!-- reviewed by Ann --> here', '', '   <!-- TODO: add an answer -->'),
    );
    expect(question).toMatchObject({
      text: 'Text <!-- reviewed by Ann --> here',
      answer: '<!-- TODO: add an answer -->',
    });
  });

  it('ignores comment-like text inside code', () => {
    const question = onlyQuestion(
      bankSource('## S', '1. What does `<!-- id: x -->` do?', '', '   ```html', '   <!-- difficulty: 9 -->', '   ```'),
    );
    expect(question).toMatchObject({
      explicitId: null,
      difficulty: null,
      text: 'What does `<!-- id: x -->` do?',
      answer: '```html\n<!-- difficulty: 9 -->\n```',
    });
  });

  it('warns about unknown keys in a metadata comment', () => {
    const bank = parseBank(bankSource('## S', '- q <!-- id: q1; tag: typo; draft -->'), 'test.md');
    expect(bank.warnings).toEqual([
      { line: 2, message: 'unknown metadata "tag" is ignored' },
      { line: 2, message: 'unknown metadata "draft" is ignored' },
    ]);
    expect(bank.sections[0]!.questions[0]).toMatchObject({ explicitId: 'q1', text: 'q' });
  });

  it('warns about a metadata comment that is not inside an item', () => {
    const bank = parseBank(
      bankSource('## S', '<!-- tags: early -->', '', '1. a', '', '<!-- id: lost -->', '2. b'),
      'test.md',
    );
    expect(bank.sections[0]!.questions.map(({ explicitId, tags }) => ({ explicitId, tags }))).toEqual([
      { explicitId: null, tags: [] },
      { explicitId: null, tags: [] },
    ]);
    expect(bank.sections[0]!.description).toBe('');
    expect(bank.warnings).toEqual([
      { line: 2, message: 'a metadata comment outside the list items is ignored: indent it into its item' },
      { line: 6, message: 'a metadata comment outside the list items is ignored: indent it into its item' },
    ]);
  });
});

describe('parseBank: notes', () => {
  it('moves an item marked <!-- note --> into the section notes, all its Markdown kept', () => {
    const bank = parseBank(
      bankSource(
        '## S',
        '1. Real question',
        '2. Optional block. <!-- note; tags: x -->',
        '',
        '   See **CLIP**.',
        '3. Another',
      ),
      'test.md',
    );
    const [section] = bank.sections;
    expect(section!.notes).toEqual(['Optional block.\n\nSee **CLIP**.']);
    expect(section!.questions.map((question) => question.text)).toEqual(['Real question', 'Another']);
  });

  it('reads a note whose marker sits on its own line above the text', () => {
    const bank = parseBank(bankSource('## S', '- <!-- note -->', '  A remark.'), 'test.md');
    expect(bank.sections[0]).toMatchObject({ notes: ['A remark.'], questions: [] });
  });

  it('ignores an id on a note, with a warning', () => {
    const bank = parseBank(bankSource('## S', '- remark <!-- note; id: n1 -->'), 'test.md');
    expect(bank.warnings).toEqual([{ line: 2, message: 'a note has no id: this one is ignored' }]);
  });
});

describe('parseBank: front matter and bank identity', () => {
  it('takes id, title, locale, level and description from the front matter', () => {
    const bank = parseBank(
      bankSource(
        '---',
        'id: python-basics',
        'title: Python basics',
        'locale: en',
        'level: junior',
        'description: Short questions.',
        '---',
        '# Ignored title',
        '',
        'Ignored description.',
        '',
        '## S',
        '- q',
      ),
      'other.ru.md',
    );
    expect(bank).toMatchObject({
      id: 'python-basics',
      title: 'Python basics',
      locale: 'en',
      level: 'junior',
      description: 'Short questions.',
      warnings: [],
    });
    expect(bank.sections[0]).toMatchObject({ line: 12, questions: [{ text: 'q', line: 13 }] });
  });

  it('falls back to the "#" heading for the title and the text under it for the description', () => {
    const bank = parseBank(bankSource('# ML *junior*', '', 'About.', '', '---', '', '## S', '- q'), 'banks/ml.md');
    expect(bank).toMatchObject({ id: 'ml', title: 'ML junior', description: 'About.', locale: null, level: null });
  });

  it('warns about unknown front matter keys', () => {
    const bank = parseBank(bankSource('---', 'id: b', 'author: Ann', '---', '## S', '- q'), 'test.md');
    expect(bank.warnings).toEqual([{ line: 3, message: 'unknown front matter key "author" is ignored' }]);
  });

  it.each([
    ['ml-junior.ru.md', { id: 'ml-junior', locale: 'ru' }],
    ['seed/banks/Python Basics.md', { id: 'python-basics', locale: null }],
    ['C:\\banks\\sql.EN.markdown', { id: 'sql', locale: 'en' }],
    ['Общие вопросы.md', { id: 'obshchie-voprosy', locale: null }],
  ])('derives the bank id and locale from the file name %s', (fileName, identity) => {
    expect(identityFromFileName(fileName)).toEqual(identity);
  });
});

describe('parseBank: difficulty markers and source links (list style, list-markers.en.md)', () => {
  const bank = parseBank(readFileSync(styleFixture('list-markers.en.md'), 'utf8'), 'list-markers.en.md');

  it('takes markers and trailing source links out of the text, and lets a difficulty comment win', () => {
    expect(bank.style).toBe('list');
    expect(
      bank.sections[0]!.questions.map(({ number, text, difficulty, sourceUrl }) => ({
        number,
        text,
        difficulty,
        sourceUrl,
      })),
    ).toEqual([
      { number: '1', text: 'What is a list comprehension?', difficulty: 1, sourceUrl: null },
      { number: '2', text: 'What is the GIL?', difficulty: 2, sourceUrl: 'https://example.org/gil' },
      { number: '3', text: 'What does `yield` do?', difficulty: 2, sourceUrl: null },
      { number: '4', text: 'explain metaclasses.', difficulty: 3, sourceUrl: null },
      { number: '5', text: 'What does [M] mean inside a sentence?', difficulty: null, sourceUrl: null },
      { number: '6', text: 'What is a decorator?', difficulty: 3, sourceUrl: null },
      { number: '7', text: 'Where are the docs? [docs](https://example.org/docs)', difficulty: null, sourceUrl: null },
      { number: '8', text: 'Who wrote PEP 8?', difficulty: null, sourceUrl: 'https://peps.python.org/pep-0008/' },
    ]);
  });

  it('keeps the markers of a note, which is a remark and not a question', () => {
    const bank = parseBank(
      bankSource('## S', '- q', '- [E] A remark [[src](https://example.org)] <!-- note -->'),
      'test.md',
    );
    expect(bank.sections[0]!.notes).toEqual(['[E] A remark [[src](https://example.org)]']);
  });
});
