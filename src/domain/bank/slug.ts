/** Slugs end up in ids and URLs, so they stay short and plain ASCII. */
export const MAX_SLUG_LENGTH = 64;

/**
 * Russian letters in a simple, readable romanisation (close to the passport/BGN style:
 * щ → shch, х → kh, ц → ts; the hard and soft signs vanish). Our own table rather than a
 * dependency, so slugs, and the ids derived from them, never change under an upgrade.
 */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/**
 * A lower-case ASCII slug: Cyrillic transliterated, accents dropped, every run of other
 * characters turned into one "-", at most 64 characters, never empty.
 *
 *   slugify('Общие вопросы') === 'obshchie-voprosy'
 */
export function slugify(text: string, fallback = 'section'): string {
  const latin = Array.from(text.toLowerCase(), (char) => CYRILLIC_TO_LATIN[char] ?? char).join('');
  const slug = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}
