import { looksLikeQuestion, readQuestionMarkers, splitNumberLabel } from '../../src/domain/bank/markers';

const ZWJ = '\u200D';
const VS16 = '\uFE0F';

describe('readQuestionMarkers: difficulty', () => {
  it.each([
    ['the baby emoji', 'What is a p-value? 👶', 1],
    ['a star without the variation selector', 'What is a p-value? \u2B50', 2],
    ['a star with the variation selector', `What is a p-value? \u2B50${VS16}`, 2],
    ['a star after a zero-width joiner, as copied from rendered pages', `What is a p-value? ${ZWJ}\u2B50${VS16}`, 2],
    ['the rocket', 'What is a p-value? 🚀', 3],
    ['an emoji before the text', '👶 What is a p-value?', 1],
    ['[E] before the text', '[E] What is a p-value?', 1],
    ['[M] after the text', 'What is a p-value? [M]', 2],
    ['[h] in lower case', '[h] What is a p-value?', 3],
    ['a bracketed word', '[Easy] What is a p-value?', 1],
    ['a word in parentheses, emphasised', 'What is a p-value? *(medium)*', 2],
    ['"expert", as legends say', 'What is a p-value? (expert)', 3],
  ])('reads %s', (_case, markdown, difficulty) => {
    expect(readQuestionMarkers(markdown)).toEqual({ text: 'What is a p-value?', difficulty, sourceUrl: null });
  });

  it('reads a level word with a colon before the text', () => {
    expect(readQuestionMarkers('Hard: explain metaclasses.')).toEqual({
      text: 'explain metaclasses.',
      difficulty: 3,
      sourceUrl: null,
    });
  });

  it('takes the higher of two markers', () => {
    expect(readQuestionMarkers(`Why does bootstrapping work? ${ZWJ}\u2B50${VS16}🚀`)).toEqual({
      text: 'Why does bootstrapping work?',
      difficulty: 3,
      sourceUrl: null,
    });
    expect(readQuestionMarkers('[H] Why? 👶')).toMatchObject({ text: 'Why?', difficulty: 3 });
  });

  it('leaves bracketed words in the middle of the text alone', () => {
    expect(readQuestionMarkers('What does [M] mean in a legend?')).toEqual({
      text: 'What does [M] mean in a legend?',
      difficulty: null,
      sourceUrl: null,
    });
    expect(readQuestionMarkers('Is (easy) a word here?')).toMatchObject({ difficulty: null });
  });

  it('reads a legend emoji anywhere, keeping a typo glued to it as text', () => {
    expect(readQuestionMarkers(`Is it a useful metric? ${ZWJ}\u2B50${VS16}I`)).toEqual({
      text: 'Is it a useful metric? I',
      difficulty: 2,
      sourceUrl: null,
    });
    expect(readQuestionMarkers('**What is X? 👶**')).toMatchObject({ text: '**What is X?**', difficulty: 1 });
  });
});

describe('readQuestionMarkers: source links', () => {
  it('turns a trailing [[src](url)] into the source URL, whatever the label', () => {
    expect(readQuestionMarkers('What is a lake? [[src](https://example.org/lake)]')).toEqual({
      text: 'What is a lake?',
      difficulty: null,
      sourceUrl: 'https://example.org/lake',
    });
    expect(readQuestionMarkers('What is a lake? [[1](https://example.org/lake)]')).toMatchObject({
      sourceUrl: 'https://example.org/lake',
    });
  });

  it('reads URLs with balanced parentheses', () => {
    expect(readQuestionMarkers('What is AUC? [[src](https://en.wikipedia.org/wiki/AUC_(statistics))]')).toMatchObject({
      text: 'What is AUC?',
      sourceUrl: 'https://en.wikipedia.org/wiki/AUC_(statistics)',
    });
  });

  it('takes a plain trailing link only when it says it is the source', () => {
    expect(readQuestionMarkers('Who wrote PEP 8? [source](https://peps.python.org/pep-0008/)')).toMatchObject({
      text: 'Who wrote PEP 8?',
      sourceUrl: 'https://peps.python.org/pep-0008/',
    });
    expect(readQuestionMarkers('Where are the [docs](https://example.org/docs)')).toEqual({
      text: 'Where are the [docs](https://example.org/docs)',
      difficulty: null,
      sourceUrl: null,
    });
  });

  it('reads a difficulty and a source link together, in either order', () => {
    const expected = { text: 'What is the GIL?', difficulty: 2, sourceUrl: 'https://example.org/gil' };
    expect(readQuestionMarkers('What is the GIL? (medium) [[src](https://example.org/gil)]')).toEqual(expected);
    expect(readQuestionMarkers('[M] What is the GIL? [[src](https://example.org/gil)]')).toEqual(expected);
  });
});

describe('printed number labels', () => {
  it.each([
    ['1) What is a lake?', '1', 'What is a lake?'],
    ['3. What is a lake?', '3', 'What is a lake?'],
    ['Q12: What is a lake?', '12', 'What is a lake?'],
    ['1.5 is a float?', null, '1.5 is a float?'],
    ['2024 was a year', null, '2024 was a year'],
  ])('splits %j', (text, number, rest) => {
    expect(splitNumberLabel(text)).toEqual({ number, text: rest });
  });

  it('make a heading read as a question, like a final question mark does', () => {
    expect(
      [
        '4) Explain partition pruning.',
        'What is a lake? 🚀',
        'What is a lake? [[src](https://x.org)]',
        'Questions',
      ].map(looksLikeQuestion),
    ).toEqual([true, true, true, false]);
  });
});
