import { slugify } from '../../src/domain/bank';

describe('slugify', () => {
  it.each([
    ['Общие вопросы', 'obshchie-voprosy'],
    ['Шиппинг продукта', 'shipping-produkta'],
    ['Python', 'python'],
    ['Генеративные модели', 'generativnye-modeli'],
    ['Мультимодальные модели', 'multimodalnye-modeli'],
    ['Работа с данными', 'rabota-s-dannymi'],
    ['Классификация', 'klassifikatsiya'],
    ['Ёжик, хорьки и щёлочь', 'ezhik-khorki-i-shcheloch'],
    ['Объём / Подъезд', 'obem-podezd'],
    ['Café crème', 'cafe-creme'],
    ['  C++ & C# — basics!  ', 'c-c-basics'],
    ['U\u2011Net 512×512', 'u-net-512-512'],
  ])('turns %j into %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('never returns an empty slug', () => {
    expect(slugify('')).toBe('section');
    expect(slugify('!!! ⭐️ !!!')).toBe('section');
    expect(slugify('???', 'bank')).toBe('bank');
  });

  it('cuts long slugs to 64 characters without a trailing "-"', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(64));
    expect(slugify(`${'a'.repeat(63)} b`)).toBe('a'.repeat(63));
    expect(slugify(`--${'b'.repeat(70)}`)).toBe('b'.repeat(64));
  });
});
