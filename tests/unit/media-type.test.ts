import { preferredMediaType } from '../../src/graphql/plugins';

describe('preferredMediaType (the media type Apollo answers with)', () => {
  it.each([
    [undefined, 'application/json'],
    ['application/json', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['*/*', 'application/json'],
    ['application/*', 'application/json'],
    ['application/graphql-response+json, application/json', 'application/graphql-response+json'],
    ['application/json, application/graphql-response+json', 'application/json'],
    ['application/json;q=0.9, application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json;q=0.5, */*', 'application/json'],
    ['*/*, application/graphql-response+json', 'application/graphql-response+json'],
    ['application/json;q=0', null],
    ['text/html', null],
  ])('Accept %p → %p', (accept, expected) => {
    expect(preferredMediaType(accept)).toBe(expected);
  });
});
