/**
 * Words of a text as the search index and its queries see them: lower case, `ё` as `е`, Markdown
 * link targets and bare URLs left out, each word reduced to its stem — Cyrillic words by the
 * Snowball Russian stemmer, Latin words by the Porter English stemmer, whatever the bank's
 * locale (Russian banks cite English terms and the other way round). Stop words are dropped.
 */
import type * as StemmerParts from './stemmer-parts';

let stemmers: typeof StemmerParts | undefined;
/**
 * The stemmers on first use: in the Lambda bundle they are a file of their own (esbuild-plugins.js,
 * LAZY_CHUNKS), parsed only by a container that searches.
 */
function loadStemmers(): typeof StemmerParts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild-plugins.js makes this require a chunk of its own
  stemmers ??= require('./stemmer-parts') as typeof StemmerParts;
  return stemmers;
}

const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /^[\u0430-\u044f]+$/;
const LATIN = /^[a-z]+$/;
/** Markdown link targets `](…)`, autolinks and bare URLs: addresses are not words of the text. */
const ADDRESSES = /\]\([^)\s]*\)|<https?:[^>\s]*>|https?:\/\/\S+/g;
/** Longer "words" are hashes, base64 or run-together code: never searched for. */
const MAX_WORD = 40;

const STOP_WORDS = new Set(
  (
    'a an and are as at be by for from has have how in is it its of on or that the this to was were what when ' +
    'which why with do does can vs ' +
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от ' +
    'меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас нибудь опять уж вам ' +
    'ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто ' +
    'чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти ' +
    'мой тем чтобы нее были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот ' +
    'через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше ' +
    'чуть том нельзя такой им более всегда конечно всю между это чем такое'
  ).split(' '),
);

/** The stem a word is indexed and searched under; '' for a stop word or a word too long to index. */
export function stemOf(word: string): string {
  if (word.length > MAX_WORD || STOP_WORDS.has(word)) return '';
  if (CYRILLIC.test(word)) return loadStemmers().russianStem(word);
  if (LATIN.test(word)) return loadStemmers().englishStem(word);
  return word;
}

/** Lower-cased words of a text, in order, addresses left out. */
export function wordsOf(text: string): string[] {
  // `\u0451` is ё: escaped, because esbuild keeps a regex literal's characters as they are, and one
  // character above U+00FF makes Node read the whole Lambda bundle as a two-byte string (twice the
  // memory, slower to read and to compile on every cold start). tests/e2e/lambda-bundle.test.ts.
  const plain = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\u0451/g, 'е')
    .replace(ADDRESSES, ' ');
  return plain.match(WORD) ?? [];
}

/** The stems of a text, in order, stop words left out. */
export function stemsOf(text: string): string[] {
  return wordsOf(text)
    .map(stemOf)
    .filter((stem) => stem !== '');
}
