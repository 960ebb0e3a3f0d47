import type { ProfileRecord, QuestionStateRecord } from '../../src/domain/attempts';
import { EMPTY_PROFILE } from '../../src/domain/attempts';
import { nextState, planAttempt } from '../../src/domain/attempt-effects';
import {
  addSums,
  emptySums,
  sumsDelta,
  type SectionAggregate,
  type SectionSums,
} from '../../src/domain/learning/section-aggregate';
import { defaultScore, type Outcome } from '../../src/domain/learning/outcomes';
import { reviewMemory } from '../../src/domain/learning/memory';
import { recount, type QuestionCounts, type Stored, type StoredUser, type UserAttempt } from '../../src/domain/recount';
import { compare, differingKeys } from '../../src/domain/recount-compare';

const SECTION: Record<string, string> = { 'b/q1': 's1', 'b/q2': 's1', 'b/q3': 's2' };

function attempt(
  userId: string,
  questionId: string,
  outcome: Outcome,
  createdAt: string,
  clientAttemptId: string,
  extra: { score?: number; timeSpentMs?: number } = {},
): UserAttempt {
  return {
    userId,
    attempt: {
      id: `id-${clientAttemptId}`,
      questionId,
      bankId: 'b',
      sectionSlug: SECTION[questionId],
      outcome,
      score: extra.score ?? defaultScore(outcome),
      timeSpentMs: extra.timeSpentMs ?? null,
      answer: null,
      quizId: null,
      clientAttemptId,
      createdAt,
    },
  };
}

/** Two users, three questions in two sections, over two UTC days. */
const ATTEMPTS: UserAttempt[] = [
  attempt('alice', 'b/q1', 'CORRECT', '2025-03-09T10:00:00.000Z', 'a1', { timeSpentMs: 5000 }),
  attempt('alice', 'b/q1', 'INCORRECT', '2025-03-09T11:00:00.000Z', 'a2'),
  attempt('alice', 'b/q2', 'PARTIAL', '2025-03-10T09:00:00.000Z', 'a3', { timeSpentMs: 5000 }),
  attempt('bob', 'b/q1', 'SKIPPED', '2025-03-09T12:00:00.000Z', 'b1', { timeSpentMs: 12 }),
  attempt('bob', 'b/q3', 'CORRECT', '2025-03-10T23:59:59.999Z', 'b2', { score: 0.7, timeSpentMs: 3_600_000 }),
];

const sortKey = (a: UserAttempt): string => `${a.attempt.createdAt}#${a.attempt.id}`;

/** The user-section aggregates as the attempt path leaves them: each attempt adds its state's delta. */
function aggregatesByDeltas(attempts: readonly UserAttempt[]): Map<string, SectionAggregate> {
  const states = new Map<string, QuestionStateRecord>();
  const sections = new Map<string, { sums: SectionSums; seen: Set<string> }>();
  for (const { attempt } of [...attempts].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))) {
    const previous = states.get(attempt.questionId) ?? null;
    const next = nextState(previous, attempt, new Date(attempt.createdAt));
    states.set(attempt.questionId, next);
    const id = `${attempt.bankId}/${attempt.sectionSlug}`;
    const section = sections.get(id) ?? { sums: emptySums(), seen: new Set<string>() };
    section.sums = addSums(section.sums, sumsDelta(previous, next));
    section.seen.add(attempt.questionId.split('/')[1]);
    sections.set(id, section);
  }
  return new Map([...sections].map(([id, { sums, seen }]) => [id, { sums, seen: [...seen].sort() }]));
}

/** What is stored when every attempt was counted right. */
function cleanStored(): Stored {
  const user = (
    profile: StoredUser['profile'],
    states: [string, number, number, number][],
    sections: [string, number][],
    days: [string, string][],
    idem: UserAttempt[],
  ): StoredUser => ({
    profile,
    states: new Map(states.map(([id, attempts, correct, scoreSum]) => [id, { attempts, correct, scoreSum }])),
    sectionAttempts: new Map(sections),
    sectionAggregates: aggregatesByDeltas(idem),
    sectionRevs: new Map(),
    lastDays: new Map(days),
    idempotency: new Map(idem.map((a) => [a.attempt.clientAttemptId, sortKey(a)])),
  });
  return {
    questions: new Map<string, QuestionCounts>([
      [
        'b/q1',
        {
          attempts: 3,
          correct: 1,
          partial: 0,
          incorrect: 1,
          skipped: 1,
          scoreSum: 1,
          uniqueUsers: 2,
          timed: 2,
          histogram: { b41: 1, b1: 1 },
          graded: 0,
          strongGraded: 0,
          picks: {},
          strongPicks: {},
        },
      ],
      [
        'b/q2',
        {
          attempts: 1,
          correct: 0,
          partial: 1,
          incorrect: 0,
          skipped: 0,
          scoreSum: 0.5,
          uniqueUsers: 1,
          timed: 1,
          histogram: { b41: 1 },
          graded: 0,
          strongGraded: 0,
          picks: {},
          strongPicks: {},
        },
      ],
      [
        'b/q3',
        {
          attempts: 1,
          correct: 1,
          partial: 0,
          incorrect: 0,
          skipped: 0,
          scoreSum: 0.7,
          uniqueUsers: 1,
          timed: 1,
          histogram: { b110: 1 },
          graded: 0,
          strongGraded: 0,
          picks: {},
          strongPicks: {},
        },
      ],
    ]),
    sections: new Map([
      ['b/s1', { attempts: 4, correct: 1, scoreSum: 1.5, uniqueUsers: 2 }],
      ['b/s2', { attempts: 1, correct: 1, scoreSum: 0.7, uniqueUsers: 1 }],
    ]),
    activity: new Map([
      ['b/2025-03-09', { attempts: 3, activeUsers: 2 }],
      ['b/2025-03-10', { attempts: 2, activeUsers: 2 }],
    ]),
    users: new Map([
      [
        'alice',
        user(
          { attemptCount: 3, correctCount: 1, scoreSum: 1.5 },
          [
            ['b/q1', 2, 1, 1],
            ['b/q2', 1, 0, 0.5],
          ],
          [['b/s1', 3]],
          [['b', '2025-03-10']],
          ATTEMPTS.slice(0, 3),
        ),
      ],
      [
        'bob',
        user(
          { attemptCount: 2, correctCount: 1, scoreSum: 0.7 },
          [
            ['b/q1', 1, 0, 0],
            ['b/q3', 1, 1, 0.7],
          ],
          [
            ['b/s1', 1],
            ['b/s2', 1],
          ],
          [['b', '2025-03-10']],
          ATTEMPTS.slice(3),
        ),
      ],
    ]),
  };
}

describe('recount', () => {
  it('counts every tenant-wide counter exactly, distinct users once per question, section and bank day', () => {
    const counted = recount(ATTEMPTS);
    const stored = cleanStored();
    expect(counted.questions).toEqual(stored.questions);
    expect(counted.sections).toEqual(stored.sections);
    expect(counted.activity).toEqual(stored.activity);
    expect([...counted.users.keys()]).toEqual(['alice', 'bob']);
  });

  it('replays each user: profile counters and streak, state tallies, markers and idempotency', () => {
    const alice = recount(ATTEMPTS).users.get('alice')!;
    expect(alice.profile).toEqual({
      attemptCount: 3,
      correctCount: 1,
      scoreSum: 1.5,
      lastAttemptAt: '2025-03-10T09:00:00.000Z',
      lastDay: '2025-03-10',
      streak: 2,
    });
    expect(alice.states.get('b/q1')).toEqual({
      questionId: 'b/q1',
      bankId: 'b',
      sectionSlug: 's1',
      memory: reviewMemory(
        reviewMemory(null, 'CORRECT', new Date('2025-03-09T10:00:00.000Z')),
        'INCORRECT',
        new Date('2025-03-09T11:00:00.000Z'),
      ),
      attempts: 2,
      correct: 1,
      scoreSum: 1,
      lastOutcome: 'INCORRECT',
      lastAttemptAt: '2025-03-09T11:00:00.000Z',
    });
    expect(alice.sectionAttempts).toEqual(new Map([['b/s1', 3]]));
    expect(alice.lastDays).toEqual(new Map([['b', '2025-03-10']]));
    expect(alice.idempotency).toEqual(
      new Map(ATTEMPTS.slice(0, 3).map((a) => [a.attempt.clientAttemptId, [sortKey(a)]])),
    );
    expect(alice.attempts.map((a) => a.clientAttemptId)).toEqual(['a1', 'a2', 'a3']);
    expect(recount(ATTEMPTS).users.get('bob')!.profile).toEqual({
      attemptCount: 2,
      correctCount: 1,
      scoreSum: 0.7,
      lastAttemptAt: '2025-03-10T23:59:59.999Z',
      lastDay: '2025-03-10',
      streak: 2,
    });
  });

  it('gives what the attempt path wrote: states and profiles equal planAttempt run attempt by attempt', () => {
    const outcomes: Outcome[] = [
      'CORRECT',
      'PARTIAL',
      'INCORRECT',
      'SKIPPED',
      'CORRECT',
      'INCORRECT',
      'CORRECT',
      'PARTIAL',
    ];
    const start = Date.parse('2025-01-30T22:00:00.000Z');
    let profile: ProfileRecord = EMPTY_PROFILE;
    const states = new Map<string, QuestionStateRecord>();
    const recorded: UserAttempt[] = [];
    outcomes.forEach((outcome, i) => {
      const questionId = i % 3 === 0 ? 'b/q1' : 'b/q2';
      const input = {
        questionId,
        outcome,
        score: defaultScore(outcome),
        timeSpentMs: 1000 * i,
        answer: null,
        quizId: null,
        clientAttemptId: `c${i}`,
      };
      const at = new Date(start + i * 7 * 3_600_000); // crosses several UTC days
      const plan = planAttempt(
        'carol',
        input,
        { bankId: 'b', localId: questionId.slice(2), sectionSlug: SECTION[questionId] },
        { state: states.get(questionId) ?? null, profile, seenSection: i > 0, lastDayInBank: null, quiz: null },
        at,
      );
      states.set(questionId, plan.state.next);
      profile = plan.profile.next;
      recorded.push({ userId: 'carol', attempt: plan.attempt });
    });
    const carol = recount([...recorded].reverse()).users.get('carol')!;
    expect(carol.states).toEqual(states);
    const { version: _version, ...planned } = profile;
    expect(carol.profile).toEqual(planned);
  });

  it('does not depend on the order the attempts come in', () => {
    const reversed = recount([...ATTEMPTS].reverse());
    const forward = recount(ATTEMPTS);
    expect(reversed.questions).toEqual(forward.questions);
    expect(reversed.sections).toEqual(forward.sections);
    expect(reversed.activity).toEqual(forward.activity);
    expect(reversed.users.get('alice')!.states).toEqual(forward.users.get('alice')!.states);
  });

  it('is empty without attempts', () => {
    expect(recount([])).toEqual({ questions: new Map(), sections: new Map(), activity: new Map(), users: new Map() });
  });
});

describe('compare', () => {
  it('finds nothing when everything was counted right, floats within 1e-9', () => {
    const stored = cleanStored();
    stored.questions.get('b/q3')!.scoreSum = 0.7 + 1e-12;
    stored.users.get('alice')!.profile!.scoreSum = 1.5 - 1e-10;
    expect(compare(stored, recount(ATTEMPTS))).toEqual([]);
  });

  it('reports every difference with what, key, stored and recounted value', () => {
    const stored = cleanStored();
    const q1 = stored.questions.get('b/q1')!;
    q1.uniqueUsers = 3; // a user counted twice
    q1.histogram = { b1: 1, b41: 2, b0: 1 };
    stored.questions.set('b/q9', {
      attempts: 1,
      correct: 0,
      partial: 0,
      incorrect: 0,
      skipped: 1,
      scoreSum: 0,
      uniqueUsers: 1,
      timed: 0,
      histogram: {},
      graded: 0,
      strongGraded: 0,
      picks: {},
      strongPicks: {},
    });
    stored.sections.get('b/s2')!.scoreSum = 0.7 + 1e-6;
    stored.activity.delete('b/2025-03-10');
    const alice = stored.users.get('alice')!;
    alice.profile = null;
    alice.states.get('b/q2')!.correct = 1;
    alice.states.set('b/q3', { attempts: 1, correct: 0, scoreSum: 0 });
    alice.sectionAttempts.set('b/s1', 2);
    alice.lastDays.set('b', '2025-03-09');
    const bob = stored.users.get('bob')!;
    bob.idempotency.delete('b1');
    bob.idempotency.set('b2', 'elsewhere');
    bob.idempotency.set('b3', '2025-03-11T00:00:00.000Z#gone');

    expect(compare(stored, recount(ATTEMPTS))).toEqual([
      { what: 'question.uniqueUsers', key: 'b/q1', stored: 3, recounted: 2 },
      { what: 'question.b0', key: 'b/q1', stored: 1, recounted: 0 },
      { what: 'question.b41', key: 'b/q1', stored: 2, recounted: 1 },
      { what: 'question.attempts', key: 'b/q9', stored: 1, recounted: 0 },
      { what: 'question.skipped', key: 'b/q9', stored: 1, recounted: 0 },
      { what: 'question.uniqueUsers', key: 'b/q9', stored: 1, recounted: 0 },
      { what: 'section.scoreSum', key: 'b/s2', stored: 0.7 + 1e-6, recounted: 0.7 },
      { what: 'activity.attempts', key: 'b/2025-03-10', stored: 0, recounted: 2 },
      { what: 'activity.activeUsers', key: 'b/2025-03-10', stored: 0, recounted: 2 },
      { what: 'profile.attemptCount', key: 'alice', stored: 0, recounted: 3 },
      { what: 'profile.correctCount', key: 'alice', stored: 0, recounted: 1 },
      { what: 'profile.scoreSum', key: 'alice', stored: 0, recounted: 1.5 },
      { what: 'state.correct', key: 'alice b/q2', stored: 1, recounted: 0 },
      { what: 'state.attempts', key: 'alice b/q3', stored: 1, recounted: 0 },
      { what: 'userSection.attempts', key: 'alice b/s1', stored: 2, recounted: 3 },
      { what: 'userBankDay.lastDay', key: 'alice b', stored: '2025-03-09', recounted: '2025-03-10' },
      { what: 'idempotency', key: 'bob b1', stored: null, recounted: '2025-03-09T12:00:00.000Z#id-b1' },
      { what: 'idempotency', key: 'bob b2', stored: 'elsewhere', recounted: '2025-03-10T23:59:59.999Z#id-b2' },
      { what: 'idempotency', key: 'bob b3', stored: '2025-03-11T00:00:00.000Z#gone', recounted: null },
    ]);
  });

  it('reports section aggregates that differ, lack their sums, or name other questions as seen', () => {
    const stored = cleanStored();
    const alice = stored.users.get('alice')!;
    const s1 = alice.sectionAggregates.get('b/s1')!;
    alice.sectionAggregates.set('b/s1', {
      sums: { ...s1.sums, stAttempts: 4, leeches: 1 },
      seen: ['q1', 'q2', 'q9'],
    });
    stored.users.get('bob')!.sectionAggregates.set('b/s2', null);
    expect(compare(stored, recount(ATTEMPTS))).toEqual([
      { what: 'userSection.stAttempts', key: 'alice b/s1', stored: 4, recounted: 3 },
      { what: 'userSection.leeches', key: 'alice b/s1', stored: 1, recounted: 0 },
      { what: 'userSection.seen', key: 'alice b/s1', stored: 'q1 q2 q9', recounted: 'q1 q2' },
      { what: 'userSection.v', key: 'bob b/s2', stored: null, recounted: 'complete' },
    ]);
  });

  it('reports two attempts recorded under one clientAttemptId', () => {
    const twice = [
      ...ATTEMPTS,
      { userId: 'bob', attempt: { ...ATTEMPTS[4].attempt, id: 'id-b2-again', createdAt: '2025-03-10T23:59:59.999Z' } },
    ];
    const stored = cleanStored();
    const differences = compare(stored, recount(twice)).filter((d) => d.what === 'idempotency');
    expect(differences).toEqual([
      {
        what: 'idempotency',
        key: 'bob b2',
        stored: '2025-03-10T23:59:59.999Z#id-b2',
        recounted: '2025-03-10T23:59:59.999Z#id-b2 2025-03-10T23:59:59.999Z#id-b2-again',
      },
    ]);
  });

  it('names the records a rebuild has to rewrite', () => {
    const stored = cleanStored();
    stored.questions.get('b/q2')!.timed = 0;
    stored.users.get('bob')!.states.get('b/q3')!.scoreSum = 1;
    stored.activity.get('b/2025-03-09')!.activeUsers = 3;
    expect(differingKeys(compare(stored, recount(ATTEMPTS)))).toEqual({
      questions: new Set(['b/q2']),
      sections: new Set(),
      activity: new Set(['b/2025-03-09']),
      users: new Set(['bob']),
    });
  });
});
