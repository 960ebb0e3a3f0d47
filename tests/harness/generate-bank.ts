/**
 * Synthetic question banks for the scale bench: Markdown in the canonical list style, of any
 * size, the same bytes for the same id and size (a seeded generator), so nothing that large is
 * ever committed. About 265 bytes of Markdown a question (text, a short answer, tags and a
 * difficulty on half of them): 10,000 questions are 2.6 MB, under the importer's 5 MB limit.
 *
 *   npx tsx bench/generate-bank.ts --questions 10000 [--id scale-10000] [--out bank.md]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../src/domain/sampling';

export interface GeneratedBank {
  id: string;
  questions: number;
  sections: number;
  markdown: string;
}

const TEMPLATES = [
  'What is {a}, and when would you use it for {c}?',
  'How does {a} differ from {b} in {c}?',
  'Explain how {a} interacts with {b}.',
  'When does {a} fail for {c}, and what would you try instead?',
  'How would you debug a model where {a} behaves badly in {c}?',
  'Compare {a} and {b}: which would you choose for {c}, and why?',
  'What are the assumptions behind {a}, and how do you check them in {c}?',
  'Why can {a} hurt {b}? Give an example from {c}.',
  'How do you tune {a} when the budget for {c} is small?',
  'Describe a production incident caused by {a} in {c}.',
  'What metrics tell you that {a} is working in {c}?',
  'How would you explain {a} to a product manager working on {c}?',
];

const CONCEPTS = [
  'gradient descent',
  'the learning rate',
  'batch normalisation',
  'dropout',
  'weight decay',
  'early stopping',
  'cross-validation',
  'a validation split',
  'data leakage',
  'class imbalance',
  'focal loss',
  'label smoothing',
  'the bias-variance trade-off',
  'L1 regularisation',
  'L2 regularisation',
  'gradient boosting',
  'a random forest',
  'logistic regression',
  'k-means',
  'PCA',
  't-SNE',
  'an autoencoder',
  'self-attention',
  'positional encoding',
  'a transformer encoder',
  'beam search',
  'tokenisation',
  'embeddings',
  'contrastive learning',
  'knowledge distillation',
  'quantisation',
  'pruning',
  'mixed precision',
  'the Adam optimiser',
  'momentum',
  'a learning-rate warm-up',
  'cosine annealing',
  'ROC AUC',
  'precision and recall',
  'calibration',
  'A/B testing',
  'feature scaling',
  'one-hot encoding',
  'target encoding',
  'a convolution',
  'max pooling',
  'residual connections',
  'vanishing gradients',
  'exploding gradients',
  'RAG retrieval',
];

const CONTEXTS = [
  'image classification',
  'fraud detection',
  'search ranking',
  'recommendations',
  'speech recognition',
  'churn prediction',
  'machine translation',
  'time-series forecasting',
  'object detection',
  'medical imaging',
  'ad click prediction',
  'anomaly detection',
  'a chat assistant',
  'credit scoring',
  'demand planning',
  'document OCR',
];

const SECTION_TOPICS = [
  'Fundamentals',
  'Optimisation',
  'Regularisation',
  'Evaluation',
  'Classical models',
  'Deep learning',
  'Computer vision',
  'NLP',
  'Recommender systems',
  'MLOps',
  'Statistics',
  'Data preparation',
  'Generative models',
  'Reinforcement learning',
  'Time series',
  'Probability',
  'Linear algebra',
  'System design',
  'Experimentation',
  'Ethics and fairness',
];

const ANSWER_OPENERS = [
  'Start from the definition and the failure mode it addresses.',
  'The short answer is that it trades bias for variance.',
  'It depends on the data: look at the distribution first.',
  'A good answer names the assumption and a way to test it.',
  'Think about what the loss sees and what it does not.',
];

const ANSWER_DETAILS = [
  'Mention how you would measure the effect on a held-out set.',
  'A strong candidate brings up a concrete example and its numbers.',
  'Point out what changes when the data grows by an order of magnitude.',
  'Say which hyperparameters matter most and how you would search them.',
  'Note the cost at inference time, not only during training.',
  'Discuss what you would log to notice the problem in production.',
];

const TAGS = [
  'basics',
  'math',
  'optimisation',
  'metrics',
  'deep-learning',
  'nlp',
  'cv',
  'production',
  'statistics',
  'data',
  'trees',
  'theory',
];

export const sectionCountFor = (questions: number): number =>
  Math.min(50, Math.max(2, Math.round(Math.sqrt(questions) / 2)));

/** The i-th question's text: a mixed-radix walk over templates × concept pairs × contexts, so every text is different. */
function questionText(i: number): string {
  const space = TEMPLATES.length * CONCEPTS.length * CONCEPTS.length * CONTEXTS.length;
  // A stride coprime with the space spreads consecutive questions over templates and concepts.
  let n = (i * 7_919) % space;
  const t = n % TEMPLATES.length;
  n = Math.floor(n / TEMPLATES.length);
  const a = n % CONCEPTS.length;
  n = Math.floor(n / CONCEPTS.length);
  const b = (a + 1 + (n % (CONCEPTS.length - 1))) % CONCEPTS.length;
  n = Math.floor(n / CONCEPTS.length);
  const c = n % CONTEXTS.length;
  return TEMPLATES[t].replace('{a}', CONCEPTS[a]).replace('{b}', CONCEPTS[b]).replace('{c}', CONTEXTS[c]);
}

export function generateBank(options: { id: string; questions: number; title?: string }): GeneratedBank {
  const { id, questions } = options;
  if (!Number.isInteger(questions) || questions < 1)
    throw new Error(`questions must be a positive integer, got ${questions}`);
  const random = seededRandom(`${id}:${questions}`);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const sections = sectionCountFor(questions);
  const lines: string[] = [
    '---',
    `id: ${id}`,
    `title: ${options.title ?? `Synthetic ML interview bank (${questions.toLocaleString('en-US')} questions)`}`,
    'locale: en',
    'level: mixed',
    '---',
    `Generated by bench/generate-bank.ts for the scale benchmark: ${questions} questions in ${sections} sections.`,
    '',
  ];
  let next = 0;
  for (let s = 0; s < sections; s++) {
    const count = Math.floor(((s + 1) * questions) / sections) - Math.floor((s * questions) / sections);
    lines.push(`## ${SECTION_TOPICS[s % SECTION_TOPICS.length]} ${Math.floor(s / SECTION_TOPICS.length) + 1}`, '');
    for (let q = 0; q < count; q++, next++) {
      const meta =
        random() < 0.5
          ? ` <!-- tags: ${[...new Set([pick(TAGS), pick(TAGS)])].join(', ')}; difficulty: ${1 + Math.floor(random() * 3)} -->`
          : '';
      const marker = `${next + 1}. `; // numbered through the bank, as numbering restarts are reported
      const indent = ' '.repeat(marker.length);
      if (next % 10 === 9) {
        // Every tenth question is single choice: three options as a task list, one marked.
        lines.push(`${marker}${questionText(next)}${meta}`);
        for (let o = 0; o < 3; o++)
          lines.push(
            `${indent}- [${o === next % 3 ? 'x' : ' '}] ${CONCEPTS[(next + o * 7) % CONCEPTS.length]} (${o + 1})`,
          );
        lines.push('', `${indent}**Explanation**: ${pick(ANSWER_DETAILS)}`, '');
        continue;
      }
      lines.push(`${marker}${questionText(next)}${meta}`, '');
      const answer = [pick(ANSWER_OPENERS), pick(ANSWER_DETAILS)];
      if (random() < 0.4) answer.push(pick(ANSWER_DETAILS));
      // The answer is indented to the item's content column, or it would end the list.
      lines.push(`${' '.repeat(marker.length)}${answer.join(' ')}`, '');
    }
  }
  return { id, questions, sections, markdown: `${lines.join('\n')}\n` };
}

/** Writes the bank as `<dir>/<id>.md` and returns the file's path. */
export function writeGeneratedBank(dir: string, id: string, questions: number): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${id}.md`);
  writeFileSync(file, generateBank({ id, questions }).markdown);
  return file;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const questions = Number(value('--questions') ?? 1000);
  const id = value('--id') ?? `scale-${questions}`;
  const bank = generateBank({ id, questions });
  const out = value('--out');
  if (out) {
    writeFileSync(out, bank.markdown);
    process.stderr.write(
      `wrote ${out}: ${bank.questions} questions in ${bank.sections} sections, ${Buffer.byteLength(bank.markdown)} bytes\n`,
    );
  } else {
    process.stdout.write(bank.markdown);
  }
}
