import type { QuestionStateRecord } from '../../src/domain/attempts';
import type { CatalogQuestion } from '../../src/domain/catalog';
import { reviewMemory } from '../../src/domain/learning/memory';
import { QuestionPool, type OrderedQuestion } from '../../src/domain/question-pool';
import { pickForUser, weakestFirst } from '../../src/domain/quiz-picking';

const entry = (section: string, n: number): OrderedQuestion => ({
  question: {
    id: `b/${section}${n}`,
    localId: `${section}${n}`,
    sectionSlug: section,
    position: n,
    number: null,
    line: 1,
    tags: [],
    revision: 'r1',
    difficulty: null,
    kind: 'OPEN',
    topic: null,
  } as CatalogQuestion,
  order: ['b', section === 'a' ? 1 : 2, n],
});
const entries = [...[1, 2, 3, 4, 5].map((n) => entry('a', n)), ...[1, 2, 3, 4, 5].map((n) => entry('z', n))];
const pool = new QuestionPool(entries);
const AT = new Date('2026-01-10T00:00:00Z');

function state(id: string, outcomes: string[], at = AT): QuestionStateRecord {
  let memory = reviewMemory(null, outcomes[0] as 'CORRECT', at);
  for (const outcome of outcomes.slice(1)) memory = reviewMemory(memory, outcome as 'CORRECT', at);
  const correct = outcomes.filter((o) => o === 'CORRECT').length;
  return {
    questionId: id,
    bankId: 'b',
    sectionSlug: id.slice(2, 3),
    memory,
    attempts: outcomes.length,
    correct,
    scoreSum: correct,
    lastOutcome: outcomes.at(-1) as 'CORRECT',
    lastAttemptAt: at.toISOString(),
  };
}
const statesOf = (...states: QuestionStateRecord[]) => new Map(states.map((s) => [s.questionId, s]));
const ids = (picks: OrderedQuestion[]) => picks.map((p) => p.question.id);

describe('pickForUser', () => {
  it('NEW_FIRST takes unseen questions, then the weakest seen ones, and says it ran out', () => {
    const states = statesOf(
      ...entries.slice(0, 8).map((e, i) => state(e.question.id, i === 3 ? ['INCORRECT'] : ['CORRECT'])),
    );
    const { picks, exhausted } = pickForUser(pool, states, { count: 3, seed: 's', strategy: 'NEW_FIRST', now: AT });
    expect([ids(picks).slice(0, 2).sort(), ids(picks)[2], exhausted]).toEqual([['b/z4', 'b/z5'], 'b/a4', true]);
  });

  it('DUE takes due questions, most overdue first, before unseen ones', () => {
    const earlier = state('b/z1', ['INCORRECT'], new Date('2026-01-01T00:00:00Z'));
    const later = state('b/a2', ['INCORRECT'], new Date('2026-01-05T00:00:00Z'));
    const notDue = state('b/a1', ['CORRECT', 'CORRECT'], new Date('2026-01-09T23:59:00Z'));
    const { picks } = pickForUser(pool, statesOf(earlier, later, notDue), {
      count: 3,
      seed: 's',
      strategy: 'DUE',
      now: AT,
    });
    expect(ids(picks).slice(0, 2)).toEqual(['b/z1', 'b/a2']);
    expect(['b/a1', 'b/z1', 'b/a2']).not.toContain(ids(picks)[2]);
  });

  it('WEAK_TOPICS draws mostly from the weaker section', () => {
    const weak = entries
      .filter((e) => e.question.sectionSlug === 'a')
      .map((e) => state(e.question.id, ['INCORRECT', 'INCORRECT']));
    const strong = entries
      .filter((e) => e.question.sectionSlug === 'z')
      .map((e) => state(e.question.id, ['CORRECT', 'CORRECT']));
    let fromWeak = 0;
    for (let run = 0; run < 200; run++) {
      const { picks } = pickForUser(pool, statesOf(...weak, ...strong), {
        count: 1,
        seed: `w${run}`,
        strategy: 'WEAK_TOPICS',
        now: AT,
      });
      if (picks[0].question.sectionSlug === 'a') fromWeak++;
    }
    // weights 1 − 1/6 against 1 − 5/6: five to one, about 167 of 200
    expect(fromWeak).toBeGreaterThan(150);
    expect(fromWeak).toBeLessThan(190);
  });

  it('WEAK_TOPICS with section tallies weighs the sections by them, not by the states, and picks as the states would', () => {
    const weak = entries
      .filter((e) => e.question.sectionSlug === 'a')
      .map((e) => state(e.question.id, ['INCORRECT', 'INCORRECT']));
    const strong = entries
      .filter((e) => e.question.sectionSlug === 'z')
      .map((e) => state(e.question.id, ['CORRECT', 'CORRECT']));
    const tallies = new Map([
      ['b/a', { attempts: 10, scoreSum: 0, correct: 0 }],
      ['b/z', { attempts: 10, scoreSum: 10, correct: 10 }],
    ]);
    for (let run = 0; run < 50; run++) {
      const request = { count: 3, seed: `t${run}`, strategy: 'WEAK_TOPICS' as const, now: AT };
      // the same totals as the states: the same draw, with no state given
      expect(ids(pickForUser(pool, new Map(), request, tallies).picks)).toEqual(
        ids(pickForUser(pool, statesOf(...weak, ...strong), request).picks),
      );
    }
  });

  it('is reproducible with the same seed', () => {
    const request = { count: 4, seed: 'same', strategy: 'WEAK_TOPICS' as const, now: AT };
    expect(ids(pickForUser(pool, new Map(), request).picks)).toEqual(ids(pickForUser(pool, new Map(), request).picks));
  });
});

describe('weakestFirst', () => {
  it('orders by smoothed mastery, lowest first', () => {
    const states = statesOf(
      state('b/a1', ['CORRECT']),
      state('b/a2', ['INCORRECT', 'INCORRECT']),
      state('b/a3', ['INCORRECT']),
    );
    expect(ids(weakestFirst(entries.slice(0, 3), states))).toEqual(['b/a2', 'b/a3', 'b/a1']);
  });
});
