/**
 * Relative links and images (`![diagram](images/q10.jpg)`) point into the bank's repository:
 * a frontend can only show them once they are absolute. With the file's published URL
 * (`--source-url`) they are resolved against it; without it they are kept as written, and the
 * caller warns. Fragments (`#basics`) and links with a scheme are left alone.
 */
const INLINE_LINK = /(!?\[[^\]\n]*\]\(\s*<?)([^()\s<>]+)/g;
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

export interface ResolvedLinks {
  markdown: string;
  /** Relative targets that stayed as written (no file URL to resolve them against). */
  unresolved: string[];
}

export function resolveRelativeLinks(markdown: string, fileUrl: string | null): ResolvedLinks {
  const unresolved: string[] = [];
  const resolved = markdown.replace(INLINE_LINK, (whole, opening: string, target: string) => {
    if (HAS_SCHEME.test(target) || target.startsWith('#') || target.startsWith('//')) return whole;
    const absolute = fileUrl === null ? null : absoluteUrl(target, fileUrl);
    if (absolute === null) {
      unresolved.push(target);
      return whole;
    }
    return opening + absolute;
  });
  return { markdown: resolved, unresolved };
}

function absoluteUrl(target: string, base: string): string | null {
  try {
    return new URL(target, base).href;
  } catch {
    return null;
  }
}
