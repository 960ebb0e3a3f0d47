import { readFileSync } from 'node:fs';
import { parseBank } from '../../src/domain/bank';
import { readFrontMatter } from '../../src/domain/bank/front-matter';
import { parseMarkdown } from '../../src/domain/bank/markdown-tree';
import { detectStyle, styleEvidence } from '../../src/domain/bank/style-detection';
import {
  SHARED_BOLD_BANK,
  SHARED_DETAILS_BANK,
  SHARED_HEADING_BANK,
  SHARED_RAW_BANK,
  SHIPPED_BANK,
  LONG_ANSWERS_BANK,
  STEMS_BANK,
  styleFixture,
} from '../support/banks';
import { bankSource } from './parse-bank.given';

const evidenceOf = (source: string) => styleEvidence(parseMarkdown(readFrontMatter(source, 'test.md').body));
const evidenceOfFile = (file: string) => evidenceOf(readFileSync(file, 'utf8'));

describe('style detection', () => {
  it.each([
    ['the first bank as delivered', SHARED_RAW_BANK, { list: 59, bold: 0, heading: 0, details: 0 }, 'list'],
    ['the first bank as shipped', SHIPPED_BANK, { list: 59, bold: 0, heading: 0, details: 0 }, 'list'],
    // 204 top-level list items in all, but 182 of them sit in answers after a bold line.
    ['the bold-lines sample', SHARED_BOLD_BANK, { list: 22, bold: 166, heading: 0, details: 0 }, 'bold'],
    ['the heading sample', SHARED_HEADING_BANK, { list: 2, bold: 0, heading: 5, details: 0 }, 'heading'],
    ['the details sample', SHARED_DETAILS_BANK, { list: 0, bold: 0, heading: 0, details: 3 }, 'details'],
    ['our bold fixture', styleFixture('bold.en.md'), { list: 2, bold: 5, heading: 0, details: 0 }, 'bold'],
    ['our heading fixture', styleFixture('heading.en.md'), { list: 4, bold: 0, heading: 6, details: 0 }, 'heading'],
    ['our details fixture', styleFixture('details.en.md'), { list: 0, bold: 0, heading: 0, details: 4 }, 'details'],
    [
      'our list fixture with markers',
      styleFixture('list-markers.en.md'),
      { list: 8, bold: 0, heading: 0, details: 0 },
      'list',
    ],
    ['our long-answer heading fixture', LONG_ANSWERS_BANK, { list: 0, bold: 0, heading: 3, details: 0 }, 'heading'],
    ['our stems fixture', STEMS_BANK, { list: 5, bold: 0, heading: 0, details: 0 }, 'list'],
  ])('counts what each style would see in %s and picks the most', (_case, file, evidence, style) => {
    expect(evidenceOfFile(file)).toEqual(evidence);
    expect(detectStyle(evidenceOfFile(file))).toBe(style);
    expect(parseBank(readFileSync(file, 'utf8'), 'bank.md').style).toBe(style);
  });

  it('reads a list bank with numbered section headings ("## 1. Python") as a list bank', () => {
    const source = bankSource(
      '## 1. Python',
      '',
      '- What is a list?',
      '- What is a dict?',
      '',
      '## 2. SQL',
      '',
      '- What is a join?',
    );
    expect(evidenceOf(source)).toEqual({ list: 3, bold: 0, heading: 2, details: 0 });
    expect(parseBank(source, 'test.md').style).toBe('list');
  });

  it('does not count the lists in answers under headings that ask', () => {
    const source = bankSource(
      '## What is a join?',
      '',
      '- inner',
      '- left',
      '- right',
      '',
      '## What is an index?',
      '',
      '- a lookup structure',
    );
    expect(evidenceOf(source)).toEqual({ list: 0, bold: 0, heading: 2, details: 0 });
    expect(parseBank(source, 'test.md').style).toBe('heading');
  });

  describe('weighs structure: numbered headings at one level with everything nested under them', () => {
    const article = (...body: string[]) =>
      bankSource(
        '# Python',
        '',
        '## 1. Decorators',
        '',
        ...body,
        '',
        '## 2. Generators',
        '',
        'Lazy iterators.',
        '',
        '- `yield`',
        '- pipelines',
        '',
        'Read once.',
      );

    it('takes numbered headings over articles for questions: their lists, sub-headings included, are answers', () => {
      const source = article(
        'Wrap a function.',
        '',
        '### Syntax',
        '',
        '- `@cache`',
        '- `f = cache(f)`',
        '',
        '### Use',
        '',
        '- logging',
      );
      expect(evidenceOf(source)).toEqual({ list: 0, bold: 0, heading: 2, details: 0 });
      const bank = parseBank(source, 'python.md');
      expect([bank.style, bank.title, bank.sections.map((s) => s.title)]).toEqual(['heading', 'Python', ['Python']]);
      expect(bank.sections[0]!.questions.map((q) => [q.number, q.text, q.answer])).toEqual([
        ['1', 'Decorators', 'Wrap a function.\n\n### Syntax\n\n- `@cache`\n- `f = cache(f)`\n\n### Use\n\n- logging'],
        ['2', 'Generators', 'Lazy iterators.\n\n- `yield`\n- pipelines\n\nRead once.'],
      ]);
    });

    it('counts code under a numbered heading as an answer', () => {
      expect(evidenceOf(article('- wraps', '- returns', '', '```python', '@cache', '```'))).toEqual({
        list: 0,
        bold: 0,
        heading: 2,
        details: 0,
      });
    });

    it('reads a numbered heading over questions as a list bank section, even after a description or a topic', () => {
      const source = bankSource(
        '## 1. Python',
        '',
        'Questions about the language.',
        '',
        '- What is a list?',
        '- What is a dict?',
        '',
        '## 2. SQL',
        '',
        '### Joins',
        '',
        '- What is a join?',
        '',
        'Text after a list.',
      );
      expect(evidenceOf(source)).toEqual({ list: 3, bold: 0, heading: 2, details: 0 });
      expect(parseBank(source, 'test.md').style).toBe('list');
    });

    it('needs every heading at the question level to read as a question', () => {
      const source = bankSource(
        '## 1. Decorators',
        '',
        '- wraps',
        '',
        'Prose.',
        '',
        '## Resources',
        '',
        '- a book',
        '- a course',
        '',
        '## 2. GIL',
        '',
        '- one thread',
        '',
        'Prose.',
      );
      expect(evidenceOf(source)).toEqual({ list: 4, bold: 0, heading: 2, details: 0 });
      expect(parseBank(source, 'test.md').style).toBe('list');
    });

    it('keeps the lists under sub-headings of a heading that asks inside its answer', () => {
      const source = bankSource(
        '## What is a join?',
        '',
        '### Kinds',
        '',
        '- inner',
        '- left',
        '',
        '## What is an index?',
        '',
        'A lookup structure.',
      );
      expect(evidenceOf(source)).toEqual({ list: 0, bold: 0, heading: 2, details: 0 });
    });
  });

  it('does not take bold labels ending in ":" for questions', () => {
    const source = bankSource(
      '### 1) What is a join?',
      '',
      '**Answer:**',
      '',
      'Rows matched by a key.',
      '',
      '### 2) What is an index?',
      '',
      '**Answer:**',
    );
    expect(evidenceOf(source)).toEqual({ list: 0, bold: 0, heading: 2, details: 0 });
  });

  it('gives a tie to the list style, then heading, then bold', () => {
    expect(detectStyle({ list: 2, bold: 2, heading: 2, details: 2 })).toBe('list');
    expect(detectStyle({ list: 1, bold: 2, heading: 2, details: 2 })).toBe('heading');
    expect(detectStyle({ list: 1, bold: 2, heading: 1, details: 2 })).toBe('bold');
    expect(detectStyle({ list: 0, bold: 0, heading: 0, details: 0 })).toBe('list');
  });

  it('never counts "#" lines or bold lines inside code blocks', () => {
    const source = bankSource('```', '# What is X?', '**What is Y?**', '```', '', '- What is Z?');
    expect(evidenceOf(source)).toEqual({ list: 1, bold: 0, heading: 0, details: 0 });
  });

  it('is overridden by the style option', () => {
    const source = bankSource('## Basics', '', '**What is a list?**', '', '- an ordered collection', '- mutable');
    expect(parseBank(source, 'test.md').sections[0]!.questions.map((q) => [q.text, q.answer])).toEqual([
      ['What is a list?', '- an ordered collection\n- mutable'],
    ]);
    const asList = parseBank(source, 'test.md', { style: 'list' });
    expect(asList.style).toBe('list');
    expect(asList.sections[0]!.questions.map((q) => q.text)).toEqual(['an ordered collection', 'mutable']);
  });
});
