import { addUpdate } from '../../src/store/learner/update-expressions';

describe("an attempt's 'add' write as one UpdateItem", () => {
  const key = { PK: 'T#t#U#u', SK: 'PACK#b#s' };

  it('removes attributes after its ADDs, SETs and DELETEs, by name only', () => {
    expect(
      addUpdate('table', {
        name: 'user pack',
        kind: 'add',
        key,
        add: { rev: 1 },
        set: { p: '[2,1,1,1,1,1,0,0]' },
        removeFromSet: { seen: 'q1' },
        remove: ['pr', 'old'],
      }),
    ).toEqual({
      TableName: 'table',
      Key: key,
      UpdateExpression: 'ADD #f0 :v0 SET #f1 = :v1 DELETE #f2 :v2 REMOVE #f3, #f4',
      ExpressionAttributeNames: { '#f0': 'rev', '#f1': 'p', '#f2': 'seen', '#f3': 'pr', '#f4': 'old' },
      ExpressionAttributeValues: { ':v0': 1, ':v1': '[2,1,1,1,1,1,0,0]', ':v2': new Set(['q1']) },
    });
  });

  it('sends no values map when it only removes (DynamoDB refuses an empty one)', () => {
    expect(addUpdate('table', { name: 'x', kind: 'add', key, add: {}, remove: ['pr'] })).toEqual({
      TableName: 'table',
      Key: key,
      UpdateExpression: 'REMOVE #f0',
      ExpressionAttributeNames: { '#f0': 'pr' },
    });
  });

  it('is unchanged without removals', () => {
    expect(addUpdate('table', { name: 'x', kind: 'add', key, add: { rev: 1 }, set: { p: 'x' } })).toEqual({
      TableName: 'table',
      Key: key,
      UpdateExpression: 'ADD #f0 :v0 SET #f1 = :v1',
      ExpressionAttributeNames: { '#f0': 'rev', '#f1': 'p' },
      ExpressionAttributeValues: { ':v0': 1, ':v1': 'x' },
    });
  });
});
