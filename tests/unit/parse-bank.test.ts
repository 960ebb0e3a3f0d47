import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBank } from '../../src/domain/bank';
import type { ParsedBank } from '../../src/domain/bank';

// The first bank as delivered (beside the repo) and as shipped in seed/ with light annotations.
const RAW_BANK_PATH = path.resolve(__dirname, '../../../shared/bank/ml-junior.ru.md');
const SHIPPED_BANK_PATH = path.resolve(__dirname, '../../seed/banks/ml-junior.ru.md');
const rawSource = readFileSync(RAW_BANK_PATH, 'utf8');
const shippedSource = readFileSync(SHIPPED_BANK_PATH, 'utf8');

const SECTION_TITLES = [
  'Общие вопросы',
  'Генеративные модели',
  'Сегментация',
  'Классификация',
  'Мультимодальные модели',
  'Работа с данными',
  'Аналитика',
  'Шиппинг продукта',
  'Python',
];

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** The printed numbers, section by section, restarts, duplicates and the missing 37 included. */
const RAW_NUMBERS = [
  range(1, 25),
  range(22, 32),
  range(33, 36),
  range(38, 43),
  ['44'],
  range(45, 51),
  range(1, 2),
  range(52, 53),
  ['54'],
];

const RAW_WARNINGS = [
  { line: 61, message: 'numbering restarts at 22 after 25' },
  { line: 61, message: 'number 22 is used again (first at line 50)' },
  { line: 63, message: 'number 23 is used again (first at line 52)' },
  { line: 65, message: 'number 24 is used again (first at line 53)' },
  { line: 67, message: 'number 25 is used again (first at line 54)' },
  { line: 101, message: 'numbering skips from 36 to 38' },
  { line: 144, message: 'numbering restarts at 1 after 51' },
  { line: 144, message: 'number 1 is used again (first at line 11)' },
  { line: 146, message: 'number 2 is used again (first at line 13)' },
];

/** The shipped file has six lines of front matter above the raw text. */
const FRONT_MATTER_LINES = 6;

const MULTIMODAL_REMARK =
  'На мой взгляд, это прям очень необязательный блок для джуна, но если чувак интересовался CLIP / DINO, то вообще красавчик.';

const allQuestions = (bank: ParsedBank) => bank.sections.flatMap((section) => section.questions);
const questionAt = (bank: ParsedBank, line: number) => allQuestions(bank).find((question) => question.line === line);

describe('parseBank on the first bank as delivered (ml-junior.ru.md)', () => {
  const bank = parseBank(rawSource, 'ml-junior.ru.md');

  it('takes its id and locale from the file name', () => {
    expect(bank).toMatchObject({ id: 'ml-junior', locale: 'ru', level: null, title: 'ml-junior' });
  });

  it('reads the nine sections in order, with their slugs and heading lines', () => {
    expect(bank.sections.map((section) => section.title)).toEqual(SECTION_TITLES);
    expect(bank.sections.map((section) => section.slug)).toEqual([
      'obshchie-voprosy',
      'generativnye-modeli',
      'segmentatsiya',
      'klassifikatsiya',
      'multimodalnye-modeli',
      'rabota-s-dannymi',
      'analitika',
      'shipping-produkta',
      'python',
    ]);
    expect(bank.sections.map((section) => section.line)).toEqual([9, 59, 86, 99, 116, 123, 142, 151, 160]);
  });

  it('finds 59 questions: 25, 11, 4, 6, 1, 7, 2, 2 and 1 per section, and no notes', () => {
    expect(bank.sections.map((section) => section.questions.length)).toEqual([25, 11, 4, 6, 1, 7, 2, 2, 1]);
    expect(allQuestions(bank)).toHaveLength(59);
    expect(bank.sections.flatMap((section) => section.notes)).toEqual([]);
  });

  it('keeps the printed numbers as labels', () => {
    expect(bank.sections.map((section) => section.questions.map((question) => question.number))).toEqual(RAW_NUMBERS);
  });

  it('reports every restart, reused number and gap in the numbering, in document order', () => {
    expect(bank.warnings).toEqual(RAW_WARNINGS);
  });

  it('keeps question texts byte for byte', () => {
    expect(questionAt(bank, 18)?.text).toBe('Что такое эпоха и батч? Что такое `batch size`?');
    expect(questionAt(bank, 15)?.text).toBe('Как понять, что модель «читерит»?');
    expect(questionAt(bank, 38)?.text).toBe('Механизмы памяти: self\u2011attention, multi\u2011head attention и т.д.');
    expect(questionAt(bank, 52)?.text).toBe(
      'Почему некоторые компании предпочитают хранить не изображения (например, 1 ТБ картинок 512×512), а их векторные представления (1×512), полученные через энкодер?',
    );
    expect(questionAt(bank, 54)?.text).toBe('Train лосс ↓, val лосс ↑ - твои действия?');
    expect(questionAt(bank, 90)?.text).toBe('U\u2011Net. Почему он так хорошо работает?');
    expect(questionAt(bank, 118)?.text).toBe(MULTIMODAL_REMARK);
  });

  it('trims the trailing space after a question', () => {
    expect(questionAt(bank, 14)?.text).toBe('Сплиты. Зачем нужна вторая валидация?');
  });

  it('gives every question an empty answer, no metadata and no topic', () => {
    for (const question of allQuestions(bank)) {
      expect(question).toMatchObject({ answer: '', explicitId: null, tags: [], difficulty: null, topic: null });
    }
  });

  it('takes the text above the first section as the bank description, without the separator', () => {
    expect(bank.description).toBe(rawSource.split('\n').slice(0, 4).join('\n'));
    expect(bank.sections.every((section) => section.description === '')).toBe(true);
  });
});

describe('parseBank on the shipped first bank (seed/banks/ml-junior.ru.md)', () => {
  const bank = parseBank(shippedSource, 'ml-junior.ru.md');

  it('differs from the delivered file only by its front matter and the note marker', () => {
    const lines = shippedSource.split('\n').slice(FRONT_MATTER_LINES);
    const unannotated = lines.join('\n').replace(' <!-- note -->', '');
    expect(unannotated).toBe(rawSource);
  });

  it('takes id, title, locale and level from its front matter', () => {
    expect(bank).toMatchObject({
      id: 'ml-junior',
      title: 'Вопросы для собеседования джуниора по ML',
      locale: 'ru',
      level: 'junior',
    });
  });

  it('has the nine sections, 58 questions and the multimodal remark as the one note', () => {
    expect(bank.sections.map((section) => section.title)).toEqual(SECTION_TITLES);
    expect(bank.sections.map((section) => section.questions.length)).toEqual([25, 11, 4, 6, 0, 7, 2, 2, 1]);
    expect(bank.sections.map((section) => section.notes)).toEqual([
      [],
      [],
      [],
      [],
      [MULTIMODAL_REMARK],
      [],
      [],
      [],
      [],
    ]);
  });

  it('reads the same questions as the delivered file, lines shifted by the front matter', () => {
    const raw = parseBank(rawSource, 'ml-junior.ru.md');
    const expected = allQuestions(raw)
      .filter((question) => question.line !== 118)
      .map((question) => ({ ...question, line: question.line + FRONT_MATTER_LINES }));
    expect(allQuestions(bank)).toEqual(expected);
  });

  it('reports the same numbering warnings, six lines down (a note keeps its printed number)', () => {
    expect(bank.warnings).toEqual([
      { line: 67, message: 'numbering restarts at 22 after 25' },
      { line: 67, message: 'number 22 is used again (first at line 56)' },
      { line: 69, message: 'number 23 is used again (first at line 58)' },
      { line: 71, message: 'number 24 is used again (first at line 59)' },
      { line: 73, message: 'number 25 is used again (first at line 60)' },
      { line: 107, message: 'numbering skips from 36 to 38' },
      { line: 150, message: 'numbering restarts at 1 after 51' },
      { line: 150, message: 'number 1 is used again (first at line 17)' },
      { line: 152, message: 'number 2 is used again (first at line 19)' },
    ]);
  });
});
