/**
 * Types of the two @orama/stemmers entry points we use: the package declares them through its
 * `exports` map, which this project's `moduleResolution: node` does not read.
 */
declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
}
declare module '@orama/stemmers/russian' {
  export function stemmer(word: string): string;
}
