import { parseMarkdown, sourceLines, type MarkdownBlock, type MarkdownDocument } from './markdown-tree';
import type { ParsedOption, QuestionKind } from './types';

/**
 * Options of a graded question, in every style: a GitHub task list (`- [ ]` / `- [x]`, `*` or
 * `-`, `[X]` too) directly in what the style found as the answer. Only task-list items are
 * options: `a) …` lines are prose, so such a question stays open. What stands between the
 * question and its options (code, a table, an image) is part of what is asked, so it joins the
 * text; an `Explanation:` paragraph after the options is the explanation, and trailing
 * `[Reference](url)` paragraphs are its references. The rest stays the answer.
 */
export interface ChoiceReading {
  text: string;
  answer: string;
  kind: QuestionKind;
  options: ParsedOption[];
  explanation: string | null;
  references: string[];
  /** Problems to report, with a piece of the source line they are about (the caller finds the line). */
  findings: { snippet: string; message: string }[];
}

const TASK_ITEM = /^[ \t]*[-*+][ \t]+\[([ xX])\](?=[ \t]|$)[ \t]*/;
const OPTION_ID = /[ \t]*<!--\s*option:\s*([A-Za-z0-9][A-Za-z0-9_-]{0,63})\s*-->[ \t]*/;
const EXPLANATION_LABEL =
  /^[ \t]*(?:\*\*|__)?[ \t]*(?:explanation|объяснение|пояснение)[ \t]*(?:(?:\*\*|__)[ \t]*:|:[ \t]*(?:\*\*|__)|:)[ \t]*/i;
const LINK = /!?\[[^\]\n]*\]\(\s*<?([^()\s<>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const LINKS_ONLY =
  /^(?:(?:\*\*|__)?(?:references?|sources?|источники?|ссылки?)(?:\*\*|__)?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*)?(?:!?\[[^\]\n]*\]\(\s*<?[^()\s<>]+>?(?:\s+"[^"]*")?\s*\)[\s,;|·]*)+$/i;

const TRUE_FALSE_PAIRS = [
  ['true', 'false'],
  ['yes', 'no'],
  ['верно', 'неверно'],
  ['да', 'нет'],
];

export function readChoices(text: string, answer: string): ChoiceReading {
  const open: ChoiceReading = {
    text,
    answer,
    kind: 'OPEN',
    options: [],
    explanation: null,
    references: [],
    findings: [],
  };
  if (answer === '') return open;
  const document = parseMarkdown(answer);
  const at = document.blocks.findIndex((block) => isTaskList(document, block));
  if (at < 0) return open;
  const list = document.blocks[at]!;
  const findings: ChoiceReading['findings'] = [];
  const options: ParsedOption[] = [];
  for (const item of list.children) {
    const option = optionOf(document, item);
    if (option.text !== '') options.push(option);
    else findings.push({ snippet: firstLineOf(document, item), message: 'an empty option is dropped' });
  }
  const asked = joined([text, blocksMarkdown(document, document.blocks.slice(0, at))]);
  const after = document.blocks.slice(at + 1);
  if (!options.some((option) => option.correct)) {
    findings.push({
      snippet: firstLineOf(document, list),
      message: `none of the ${options.length} options is marked "[x]": the question is open and they stay in its text`,
    });
    return {
      ...open,
      text: joined([asked, blocksMarkdown(document, [list])]),
      answer: blocksMarkdown(document, after),
      findings,
    };
  }
  return { text: asked, ...afterOptions(document, after), kind: kindOf(options), options, findings };
}

function isTaskList(document: MarkdownDocument, block: MarkdownBlock): boolean {
  return (
    block.type === 'bullet_list' &&
    block.children.length > 0 &&
    block.children.every((item) => TASK_ITEM.test(firstLineOf(document, item)))
  );
}

function optionOf(document: MarkdownDocument, item: MarkdownBlock): ParsedOption {
  const [first = '', ...rest] = sourceLines(document, item.line, item.endLine).split('\n');
  const marker = TASK_ITEM.exec(first)!;
  const indent = marker[0].length;
  const lines = [first.slice(indent), ...rest.map((line) => line.replace(new RegExp(`^[ \\t]{0,${indent}}`), ''))];
  let markdown = lines.join('\n').trim();
  const id = OPTION_ID.exec(markdown);
  if (id) markdown = (markdown.slice(0, id.index) + ' ' + markdown.slice(id.index + id[0].length)).trim();
  return { explicitId: id ? id[1]! : null, text: markdown, correct: marker[1] !== ' ' };
}

/** After the options: the answer, then the explanation, then trailing reference links. */
function afterOptions(
  document: MarkdownDocument,
  blocks: MarkdownBlock[],
): Pick<ChoiceReading, 'answer' | 'explanation' | 'references'> {
  let end = blocks.length;
  const references: string[] = [];
  while (end > 0 && isLinksOnly(document, blocks[end - 1]!)) {
    const source = blocksMarkdown(document, [blocks[--end]!]);
    references.unshift(...Array.from(source.matchAll(LINK), (match) => match[1]!));
  }
  const body = blocks.slice(0, end);
  const at = body.findIndex(
    (block) => block.type === 'paragraph' && EXPLANATION_LABEL.test(paragraphOf(document, block)),
  );
  if (at < 0) return { answer: blocksMarkdown(document, body), explanation: null, references };
  const explanation = blocksMarkdown(document, body.slice(at)).replace(EXPLANATION_LABEL, '').trim();
  return {
    answer: blocksMarkdown(document, body.slice(0, at)),
    explanation: explanation === '' ? null : explanation,
    references,
  };
}

function isLinksOnly(document: MarkdownDocument, block: MarkdownBlock): boolean {
  return block.type === 'paragraph' && LINKS_ONLY.test(paragraphOf(document, block).trim());
}

function kindOf(options: readonly ParsedOption[]): QuestionKind {
  const marked = options.filter((option) => option.correct).length;
  if (marked >= 2) return 'MULTIPLE_CHOICE';
  if (options.length === 2 && readsAsTrueFalse(options.map((option) => option.text))) return 'TRUE_FALSE';
  return 'SINGLE_CHOICE';
}

export function readsAsTrueFalse(texts: readonly string[]): boolean {
  const words = texts.map((text) =>
    text
      .toLowerCase()
      .replace(/[*_`.!]/g, '')
      .trim(),
  );
  return TRUE_FALSE_PAIRS.some((pair) => pair.every((word) => words.includes(word)));
}

function paragraphOf(document: MarkdownDocument, block: MarkdownBlock): string {
  return sourceLines(document, block.line, block.endLine);
}

function firstLineOf(document: MarkdownDocument, block: MarkdownBlock): string {
  return sourceLines(document, block.line, block.line);
}

function blocksMarkdown(document: MarkdownDocument, blocks: readonly MarkdownBlock[]): string {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  return first && last ? sourceLines(document, first.line, last.endLine).trim() : '';
}

function joined(parts: readonly string[]): string {
  return parts.filter((part) => part !== '').join('\n\n');
}
