import { parseBank } from '../../src/domain/bank';
import { bankSource, onlyQuestion } from './parse-bank.given';

describe('parseBank: questions and answers', () => {
  it('takes the first paragraph as the text and the rest of the item, de-indented, as the answer', () => {
    const question = onlyQuestion(
      bankSource(
        '## Basics',
        '',
        '1. What is a *gradient*?',
        '   It spans two lines.',
        '',
        '   The direction of steepest ascent.',
        '',
        '   > Think of a hill.',
        '',
        '   ```python',
        '   # a comment, not a heading',
        '   grad = f.backward()',
        '   ```',
        '',
        '   - sub-point',
        '     - deeper point',
        '',
        '   <details><summary>More</summary>',
        '',
        '   Hidden **detail**.',
        '',
        '   </details>',
      ),
    );
    expect(question.text).toBe('What is a *gradient*?\nIt spans two lines.');
    expect(question.answer).toBe(
      [
        'The direction of steepest ascent.',
        '',
        '> Think of a hill.',
        '',
        '```python',
        '# a comment, not a heading',
        'grad = f.backward()',
        '```',
        '',
        '- sub-point',
        '  - deeper point',
        '',
        '<details><summary>More</summary>',
        '',
        'Hidden **detail**.',
        '',
        '</details>',
      ].join('\n'),
    );
    expect(question.line).toBe(3);
  });

  it('reads a tight nested list as the answer', () => {
    const question = onlyQuestion(bankSource('## S', '10.  Name two optimisers.', '     - SGD', '     - Adam'));
    expect(question).toMatchObject({ number: '10', text: 'Name two optimisers.', answer: '- SGD\n- Adam' });
  });

  it('makes bullet items questions without a number', () => {
    const bank = parseBank(bankSource('## S', '- first', '* second', '', '+ third'), 'test.md');
    expect(bank.sections[0]!.questions.map(({ number, text, line }) => ({ number, text, line }))).toEqual([
      { number: null, text: 'first', line: 2 },
      { number: null, text: 'second', line: 3 },
      { number: null, text: 'third', line: 5 },
    ]);
    expect(bank.warnings).toEqual([]);
  });

  it('keeps the printed label of ordered items, with either delimiter', () => {
    const bank = parseBank(bankSource('## S', '07) seven', '08) eight'), 'test.md');
    expect(bank.sections[0]!.questions.map((question) => question.number)).toEqual(['07', '08']);
  });

  it('only counts top-level items: nested items belong to the answer', () => {
    const bank = parseBank(bankSource('## S', '1. Outer', '   1. inner', '   2. inner too', '2. Second'), 'test.md');
    expect(bank.sections[0]!.questions.map((question) => question.text)).toEqual(['Outer', 'Second']);
  });
});

describe('parseBank: sections and topics', () => {
  it('starts a section at a setext level-2 heading too', () => {
    const bank = parseBank(bankSource('Setext section', '--------------', '', '- q'), 'test.md');
    expect(bank.sections.map(({ title, slug, line }) => ({ title, slug, line }))).toEqual([
      { title: 'Setext section', slug: 'setext-section', line: 1 },
    ]);
  });

  it('does not take a "#" line inside a fenced code block for a heading', () => {
    const bank = parseBank(
      bankSource('Intro.', '', '```sh', '## not a section', '# not a title', '```', '', '## Real', '- q'),
      'test.md',
    );
    expect(bank.sections.map((section) => section.title)).toEqual(['Real']);
    expect(bank.title).toBe('test');
    expect(bank.description).toBe('Intro.\n\n```sh\n## not a section\n# not a title\n```');
  });

  it('titles a section with the text of its heading, markup dropped', () => {
    const bank = parseBank(bankSource('## The `torch` **basics**', '- q'), 'test.md');
    expect(bank.sections[0]).toMatchObject({ title: 'The torch basics', slug: 'the-torch-basics' });
  });

  it('sets the topic from the deepest heading above an item, until a heading of the same or higher level', () => {
    const bank = parseBank(
      bankSource(
        '## S',
        '- no topic',
        '### Losses',
        '- under losses',
        '#### Ranking',
        '- under ranking',
        '### Metrics',
        '- under metrics',
        '## T',
        '- next section',
      ),
      'test.md',
    );
    const topics = bank.sections.flatMap((section) => section.questions.map(({ text, topic }) => [text, topic]));
    expect(topics).toEqual([
      ['no topic', null],
      ['under losses', 'Losses'],
      ['under ranking', 'Ranking'],
      ['under metrics', 'Metrics'],
      ['next section', null],
    ]);
  });

  it('takes the content before the first list as the section description, without breaks or headings', () => {
    const bank = parseBank(
      bankSource('## S', '', 'About *this*.', '', '----', '', '> Quoted.', '', '### Topic', '', '1. q'),
      'test.md',
    );
    expect(bank.sections[0]!.description).toBe('About *this*.\n\n> Quoted.');
  });

  it('leaves out a section that holds neither questions nor notes, with a warning', () => {
    const bank = parseBank(
      bankSource('## Empty', '', 'Just prose.', '', '## Full', '- q', '## Remarks', '- a remark <!-- note -->'),
      'test.md',
    );
    expect(
      bank.sections.map(({ title, description, questions, notes }) => [
        title,
        description,
        questions.length,
        notes.length,
      ]),
    ).toEqual([
      ['Full', '', 1, 0],
      ['Remarks', '', 0, 1],
    ]);
    expect(bank.warnings).toEqual([
      { line: 1, message: 'section "Empty" holds no questions: it is not a section of the bank' },
    ]);
  });

  it('makes a file without section headings one section named after the bank, its intro the bank description', () => {
    const bank = parseBank(
      bankSource('# Python basics', '', 'Warm-up questions.', '', '1. What is a list?', '2. What is a tuple?'),
      'py.md',
    );
    expect(bank).toMatchObject({ title: 'Python basics', description: 'Warm-up questions.', style: 'list' });
    expect(bank.sections.map(({ title, slug, line, description }) => ({ title, slug, line, description }))).toEqual([
      { title: 'Python basics', slug: 'python-basics', line: 3, description: '' },
    ]);
    expect(bank.sections[0]!.questions.map(({ text, line }) => [text, line])).toEqual([
      ['What is a list?', 5],
      ['What is a tuple?', 6],
    ]);
  });

  it('names the one section of an untitled file without headings after the bank id', () => {
    const bank = parseBank(bankSource('- What is a set?'), 'sets.en.md');
    expect(bank.sections.map(({ title, slug }) => [title, slug])).toEqual([['sets', 'sets']]);
  });

  it('ignores text after the first list with a warning, and separators and comments silently', () => {
    const bank = parseBank(
      bankSource('## S', '- a', '', '----------', '', '<!-- todo -->', '', 'Stray prose.', '', '- b'),
      'test.md',
    );
    expect(bank.sections[0]!.questions.map((question) => question.text)).toEqual(['a', 'b']);
    expect(bank.sections[0]!.description).toBe('');
    expect(bank.warnings).toEqual([{ line: 8, message: 'text outside the list items of a section is ignored' }]);
  });

  it('gives sections with the same slug "-2", "-3" and warns', () => {
    const bank = parseBank(bankSource('## Python', '- a', '## python', '- b', '## PYTHON!', '- c'), 'test.md');
    expect(bank.sections.map((section) => section.slug)).toEqual(['python', 'python-2', 'python-3']);
    expect(bank.warnings).toEqual([
      { line: 3, message: 'section slug "python" is already taken: this section gets "python-2"' },
      { line: 5, message: 'section slug "python" is already taken: this section gets "python-3"' },
    ]);
  });

  it('warns about a "#" heading inside a section and ends the topic there', () => {
    const bank = parseBank(bankSource('## S', '### Topic', '- a', '# Stray', '- b'), 'test.md');
    expect(bank.sections[0]!.questions.map((question) => question.topic)).toEqual(['Topic', null]);
    expect(bank.warnings).toEqual([{ line: 4, message: 'a "#" heading inside a section is ignored' }]);
  });
});

describe('parseBank: numbering warnings', () => {
  it('reports restarts, reused numbers and gaps, but not resuming after a restart', () => {
    const bank = parseBank(
      bankSource('## A', '1. a', '2. b', '4. c', '## B', '1. d', '- bullet', '5. e', '## C', '9. f'),
      'test.md',
    );
    expect(bank.warnings).toEqual([
      { line: 4, message: 'numbering skips from 2 to 4' },
      { line: 6, message: 'numbering restarts at 1 after 4' },
      { line: 6, message: 'number 1 is used again (first at line 2)' },
      { line: 10, message: 'numbering skips from 5 to 9' },
    ]);
  });
});

describe('parseBank: line ends and byte order mark', () => {
  it('reads CRLF line ends and a leading BOM like plain LF', () => {
    const lf = bankSource('# Title', '', '## S', '1. q', '', '   answer', '   more');
    const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
    expect(parseBank(crlf, 'test.md')).toEqual(parseBank(lf, 'test.md'));
    expect(onlyQuestion(crlf)).toMatchObject({ text: 'q', answer: 'answer\nmore', line: 4 });
  });
});
