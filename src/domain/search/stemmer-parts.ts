/** The two Snowball stemmers of text.ts, in one module it loads on first use (esbuild-plugins.js, LAZY_CHUNKS). */
export { stemmer as englishStem } from '@orama/stemmers/english';
export { stemmer as russianStem } from '@orama/stemmers/russian';
