/** The scale bench's side-by-side history check (bench/scale.ts) counts as a target of `npm run bench`. */
import { scaleTargetsMissed } from '../../bench/report';
import type { ImportResult } from '../../bench/scale-import';

const noImportWrites = { reimportWriteCalls: 0 } as ImportResult;
const curve = (ratio: number) => ({
  operation: 'weakTopics',
  bankQuestions: 10_000,
  p50ByAttempts: { '10': 2, '2000': 2 * ratio },
  ratio,
});

describe('scale targets', () => {
  it('misses when the longest history costs more than 1.5 times the shortest', () => {
    expect(scaleTargetsMissed({ scale: [], history: [curve(1.5), curve(1.51)], import: noImportWrites })).toEqual([
      'weakTopics@10000 longest ÷ shortest history 1.51',
    ]);
  });
});
