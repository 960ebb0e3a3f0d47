import type { QuestionStateRecord } from '../../src/domain/attempts';
import { nextState } from '../../src/domain/attempt-effects';
import { forgettingCurve, reviewMemory, retrievability } from '../../src/domain/learning/memory';
import type { Outcome } from '../../src/domain/learning/outcomes';
import { seededRandom } from '../../src/domain/sampling';
import {
  packSums,
  unpackSums,
  addSums,
  aggregateOf,
  approximateMeanRetrievability,
  emptySums,
  sameSum,
  sumOf,
  AGGREGATE_FIELDS,
  stateTerms,
  sumsDelta,
} from '../../src/domain/learning/section-aggregate';

const DAY = 86_400_000;
const OUTCOMES: Outcome[] = ['CORRECT', 'CORRECT', 'CORRECT', 'PARTIAL', 'INCORRECT', 'SKIPPED'];

/**
 * A section's states after a random history: `questions` questions, attempts at random times over
 * `days` days before `end`, each question answered 1..`maxAnswers` times.
 */
function randomSection(
  seed: string,
  questions: number,
  days: number,
  end: number,
  maxAnswers: number,
): QuestionStateRecord[] {
  const random = seededRandom(seed);
  return Array.from({ length: questions }, (_, q) => {
    const answers = 1 + Math.floor(random() * maxAnswers);
    const times = Array.from({ length: answers }, () => end - random() * days * DAY).sort((a, b) => a - b);
    let state: QuestionStateRecord | null = null;
    for (const [i, time] of times.entries()) {
      const outcome = OUTCOMES[Math.floor(random() * OUTCOMES.length)];
      state = nextState(
        state,
        {
          id: `a${q}-${i}`,
          questionId: `b/q${q}`,
          bankId: 'b',
          sectionSlug: 's',
          outcome,
          score: outcome === 'CORRECT' ? 1 : outcome === 'PARTIAL' ? 0.5 : 0,
          timeSpentMs: null,
          answer: null,
          quizId: null,
          clientAttemptId: `c${q}-${i}`,
          selectedOptionIds: null,
          grading: null,
          createdAt: new Date(time).toISOString(),
        },
        new Date(time),
      );
    }
    return state!;
  });
}

/** The exact mean as weakTopics computed it from every state (ts-fsrs, whole days, 4 decimals). */
const exactMean = (states: readonly QuestionStateRecord[], now: Date): number =>
  states.reduce((sum, state) => sum + retrievability(state.memory, now), 0) / states.length;

/** The exact mean with elapsed time counted continuously (what the approximation targets). */
const continuousMean = (states: readonly QuestionStateRecord[], now: Date): number =>
  states.reduce((sum, { memory }) => {
    const elapsed = (now.getTime() - Date.parse(memory.lastReview!)) / DAY;
    return sum + (1 + (forgettingCurve.factor * elapsed) / memory.stability) ** forgettingCurve.decay;
  }, 0) / states.length;

const aggregate = (states: readonly QuestionStateRecord[]) =>
  aggregateOf(states.map((state) => ({ localId: state.questionId.split('/')[1], state })));

/** Errors of the approximation over many random sections, at several read times after the history. */
function errors(
  cases: number,
  shape: { questions: number; days: number; maxAnswers: number },
): { vsExact: number[]; vsContinuous: number[] } {
  const end = Date.UTC(2026, 5, 1);
  const vsExact: number[] = [];
  const vsContinuous: number[] = [];
  for (let c = 0; c < cases; c++) {
    const states = randomSection(`case-${c}-${shape.questions}`, shape.questions, shape.days, end, shape.maxAnswers);
    const { sums } = aggregate(states);
    for (const after of [0.04, 1, 3, 10, 30, 90]) {
      const now = new Date(end + after * DAY);
      const approximate = approximateMeanRetrievability(sums, now);
      vsExact.push(Math.abs(approximate - exactMean(states, now)));
      vsContinuous.push(Math.abs(approximate - continuousMean(states, now)));
    }
  }
  return { vsExact, vsContinuous };
}

const max = (values: number[]): number => Math.max(...values);
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe('section aggregates', () => {
  it('add up to the sums of the current states when each attempt adds its delta', () => {
    const states = randomSection('deltas', 30, 60, Date.UTC(2026, 0, 1), 6);
    // replay: the deltas of a question's successive states telescope to its last state's terms
    let sums = emptySums();
    for (const state of states) {
      const first = {
        ...state,
        attempts: 1,
        correct: 0,
        scoreSum: 0,
        memory: reviewMemory(null, 'INCORRECT', new Date(0)),
      };
      sums = addSums(sums, sumsDelta(null, first));
      sums = addSums(sums, sumsDelta(first, state));
    }
    const direct = aggregate(states).sums;
    for (const field of AGGREGATE_FIELDS) expect(sameSum(sumOf(sums, field), sumOf(direct, field))).toBe(true);
    expect(direct.stAttempts).toBe(states.reduce((n, s) => n + s.attempts, 0));
    expect(direct.reviewed).toBe(30);
    expect(stateTerms(states[0]).leeches).toBe(states[0].memory.lapses >= 8 ? 1 : 0);
  });

  it('gives 0 for a section with no reviewed state', () => {
    expect(approximateMeanRetrievability(emptySums(), new Date())).toBe(0);
  });

  it('is exact for one state (no variance) against the continuous curve', () => {
    const [state] = randomSection('one', 1, 10, Date.UTC(2026, 0, 1), 3);
    const now = new Date(Date.UTC(2026, 0, 5));
    expect(approximateMeanRetrievability(aggregate([state]).sums, now)).toBeCloseTo(continuousMean([state], now), 9);
  });

  // Measured on this code (see docs/data-model.md): the bounds below are the measured values rounded up.
  it('approximates the mean retrievability of random sections within the measured error', () => {
    const small = errors(200, { questions: 10, days: 60, maxAnswers: 5 });
    const large = errors(40, { questions: 200, days: 180, maxAnswers: 8 });
    const all = {
      vsExact: [...small.vsExact, ...large.vsExact],
      vsContinuous: [...small.vsContinuous, ...large.vsContinuous],
    };
    console.log(
      JSON.stringify({
        maxVsContinuous: max(all.vsContinuous),
        meanVsContinuous: mean(all.vsContinuous),
        maxVsExact: max(all.vsExact),
        meanVsExact: mean(all.vsExact),
      }),
    );
    // measured: max 0.0248 / mean 0.0016 against the continuous curve; max 0.0489 / mean 0.0038
    // against ts-fsrs's whole-day values (1,680 section reads)
    expect(max(all.vsContinuous)).toBeLessThan(0.03);
    expect(mean(all.vsContinuous)).toBeLessThan(0.002);
    expect(max(all.vsExact)).toBeLessThan(0.055);
    expect(mean(all.vsExact)).toBeLessThan(0.005);
  });
});

describe('packed sums', () => {
  // a known section: totals, bin -4 (its sums at full double precision), bin 1, and bins a state
  // left (0, or float residue either side of 0) that are not written
  const sums = {
    stAttempts: 3,
    stCorrect: 0,
    stScore: 1.5,
    rm4n: 1,
    rm4i: 16.000000000000004,
    rm4t: 0.30000000000000004,
    rm4ii: 256,
    rm4ti: 1234.5678901234567,
    rm4tti: 14873491.171028137,
    rp1n: 2,
    rp1i: 0.9,
    rp11n: 0,
    rp11i: 1e-17,
    rm2n: 1e-16,
    rp3n: -1e-16,
    rp3i: 2.5e-17,
  };

  it('write format 2: the tag, revision, attempts, the five totals, then each non-empty bin by index and its six sums', () => {
    expect(packSums({ rev: 7, attempts: 4, sums })).toBe(
      '[2,7,4,3,0,1.5,0,0,' +
        '-4,1,16.000000000000004,0.30000000000000004,256,1234.5678901234567,14873491.171028137,' +
        '1,2,0.9,0,0,0,0]',
    );
    expect(packSums({ rev: 1, attempts: 0, sums: {} })).toBe('[2,1,0,0,0,0,0,0]');
  });

  it('read back exactly what they hold, with the revision: every total, the six sums of each bin written', () => {
    expect(unpackSums(packSums({ rev: 7, attempts: 4, sums }))).toEqual({
      rev: 7,
      attempts: 4,
      sums: {
        stAttempts: 3,
        stCorrect: 0,
        stScore: 1.5,
        leeches: 0,
        reviewed: 0,
        rm4n: 1,
        rm4i: 16.000000000000004,
        rm4t: 0.30000000000000004,
        rm4ii: 256,
        rm4ti: 1234.5678901234567,
        rm4tti: 14873491.171028137,
        rp1n: 2,
        rp1i: 0.9,
        rp1t: 0,
        rp1ii: 0,
        rp1ti: 0,
        rp1tti: 0,
      },
    });
  });

  it('round-trip a recounted section bit for bit (full double precision)', () => {
    const end = Date.UTC(2026, 5, 1);
    const states = randomSection('pack round trip', 60, 120, end, 6);
    const { sums: recounted } = aggregateOf(states.map((state, i) => ({ localId: `q${i}`, state })));
    const text = packSums({ rev: 41, attempts: 123, sums: recounted });
    const back = unpackSums(text)!;
    expect([back.rev, back.attempts]).toEqual([41, 123]);
    let binsWritten = 0;
    for (const [i, field] of AGGREGATE_FIELDS.entries()) {
      // the 5 totals, then 16 bins of 6 sums, each bin's count first
      const n = i < 5 ? 1 : sumOf(recounted, AGGREGATE_FIELDS[i - ((i - 5) % 6)]);
      // a bin with states comes back exactly; an empty one is left out
      expect([field, back.sums[field]]).toEqual([field, Math.abs(n) >= 0.5 ? sumOf(recounted, field) : undefined]);
      if (i >= 5 && (i - 5) % 6 === 0 && Math.abs(n) >= 0.5) binsWritten++;
    }
    expect(binsWritten).toBeGreaterThan(3);
    expect(Object.keys(back.sums)).toHaveLength(5 + 6 * binsWritten);
  });

  it('give each read its own record', () => {
    const text = packSums({ rev: 7, attempts: 4, sums });
    unpackSums(text)!.sums.rp1n = 99;
    expect(unpackSums(text)!.sums.rp1n).toBe(2);
  });

  it('still read the first format, whose revision is the item’s pr attribute', () => {
    expect(unpackSums('{"a":4,"s":{"stAttempts":3,"stScore":1.5,"rp1n":2,"rp1i":0.9}}')).toEqual({
      rev: null,
      attempts: 4,
      sums: { stAttempts: 3, stScore: 1.5, rp1n: 2, rp1i: 0.9 },
    });
  });

  it('read anything else as no copy', () => {
    const nan = packSums({ rev: 2, attempts: 1, sums: { stAttempts: 1, stScore: NaN } });
    const infinite = packSums({ rev: 2, attempts: 1, sums: { rp0n: 1, rp0i: Infinity } });
    // JSON has no NaN or Infinity: they are written as null, which is no number
    expect([nan, infinite]).toEqual(['[2,2,1,1,0,null,0,0]', '[2,2,1,0,0,0,0,0,0,1,null,0,0,0,0]']);
    for (const text of [
      undefined,
      7,
      '',
      'not json',
      'null',
      '2',
      '"[2,1,1,0,0,0,0,0]"',
      // the first format
      '{"s":{}}',
      '{"a":1}',
      '{"a":1,"s":null}',
      '{"a":1,"s":[1]}',
      '{"a":1,"s":{"x":"1"}}',
      // format 2: the tag
      '[]',
      '[1,1,1,0,0,0,0,0]',
      '[3,1,1,0,0,0,0,0]',
      '["2",1,1,0,0,0,0,0]',
      // its length: 8 numbers, then 7 a bin
      '[2]',
      '[2,1,1,0,0,0,0]',
      '[2,1,1,0,0,0,0,0,0]',
      '[2,1,1,0,0,0,0,0,0,1,1,1,1,1]',
      '[2,1,1,0,0,0,0,0,0,1,1,1,1,1,1,0]',
      // numbers only
      '[2,"1",1,0,0,0,0,0]',
      '[2,1,1,0,0,0,0,true]',
      '[2,1,1,0,0,0,0,0,0,1,1,1,1,1,[1]]',
      '[2,1,1,0,0,0,0,0,0,1,1,1,1,1,{}]',
      nan,
      infinite,
      // bin indexes: integers in -4..11, each once, ascending
      '[2,1,1,0,0,0,0,0,-5,1,1,1,1,1,1]',
      '[2,1,1,0,0,0,0,0,12,1,1,1,1,1,1]',
      '[2,1,1,0,0,0,0,0,0.5,1,1,1,1,1,1]',
      '[2,1,1,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1]',
      '[2,1,1,0,0,0,0,0,3,1,1,1,1,1,1,1,1,1,1,1,1,1]',
    ])
      expect([text, unpackSums(text)]).toEqual([text, null]);
  });
});
