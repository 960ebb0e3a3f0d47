/**
 * What an operation costs, with its variables: DynamoDB calls and response objects, in points
 * (src/graphql/cost-table.ts), added up over the operation that will run — fragments, aliases
 * and `@skip`/`@include` included — as graphql-query-complexity does it (./complexity.ts). An
 * operation over the maximum is refused before anything runs; any other is charged to its key's
 * rate limit in units, so an ordinary request costs a few and aliases cannot multiply work for free.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isListType,
  isNonNullType,
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { queryComplexity, type Estimator } from './complexity';
import type { GraphQLContext } from './context';
import { CALL_POINTS, FIELD_COSTS, OBJECT_POINTS, type ListSize } from './cost-table';
import { requestRefusal } from './errors';

export const COST_LIMITS = {
  /** At most 25 DynamoDB calls' worth, or 5,000 objects, in one request. */
  maxPoints: 5000,
  /** A rate-limit unit: a page of 100 questions is 2, a stats field 3, the largest request 10. */
  pointsPerUnit: 500,
};

/** The request is charged `units` more (beyond the one unit every request pays on arrival). */
export type ChargeCost = (context: GraphQLContext, units: number) => Promise<void>;

/** The elements of a list (or of a page) a field returns at most, given its arguments. */
export function listSize(size: ListSize | undefined, args: Record<string, unknown>): number {
  if (!size || 'sizedAbove' in size) return 1;
  if ('assumed' in size) return size.assumed;
  const value = size.arg
    .split('.')
    .reduce<unknown>(
      (at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
      args,
    );
  if (typeof value !== 'number' || !Number.isFinite(value)) return size.default * (size.each ?? 1);
  // Out of range is refused by the resolver, which never returns more than the maximum.
  return Math.min(size.max, Math.max(1, Math.floor(value))) * (size.each ?? 1);
}

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

const fieldCost: Estimator = ({ type, field, args, childComplexity }) => {
  const cost = FIELD_COSTS[`${type.name}.${field.name}`];
  const calls = (cost?.calls ?? 0) * CALL_POINTS;
  const object = isCompositeType(getNamedType(field.type)) ? OBJECT_POINTS : 0;
  const size = listSize(cost?.size, args);
  // a list: each element and what is under it; a connection or a set: one wrapper, its pages inside
  return calls + (isList(field.type) ? size * (object + childComplexity) : object + size * childComplexity);
};

/**
 * The operation's cost in points; null when its variables do not fit its definitions (execution
 * then refuses it with BAD_USER_INPUT before any resolver runs, so it costs nothing more).
 * Infinity when it is too large to estimate at all.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (errors) return null;
  try {
    return queryComplexity({ schema, query: document, variables, operationName, estimator: fieldCost });
  } catch {
    // the ceiling on nodes to evaluate (./complexity.ts)
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Costs already computed, by document and then by operation name and variables: the cost is a
 * pure function of the three, and Apollo hands every request of the same query text the same
 * parsed document (its document store), so a warm container estimates each query and variables
 * once instead of walking the document on every request (~0.3 ms of each). Bounded: entries go
 * with their documents (WeakMap), at most COST_CACHE.perDocument variable sets per document, and
 * none for variables whose JSON is over COST_CACHE.maxKeyLength.
 */
export const COST_CACHE = { perDocument: 64, maxKeyLength: 1024 };
const costCache = new WeakMap<DocumentNode, { schema: GraphQLSchema; costs: Map<string, number | null> }>();

export function cachedOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number | null {
  const key = JSON.stringify([operationName ?? null, variables ?? {}]);
  if (key.length > COST_CACHE.maxKeyLength) return operationCost(schema, document, variables, operationName);
  let entry = costCache.get(document);
  if (!entry || entry.schema !== schema) costCache.set(document, (entry = { schema, costs: new Map() }));
  if (entry.costs.has(key)) return entry.costs.get(key)!;
  const cost = operationCost(schema, document, variables, operationName);
  // the oldest set out when full (a Map keeps insertion order)
  if (entry.costs.size >= COST_CACHE.perDocument) entry.costs.delete(entry.costs.keys().next().value!);
  entry.costs.set(key, cost);
  return cost;
}

export const costUnits = (points: number): number => Math.max(1, Math.ceil(points / COST_LIMITS.pointsPerUnit));

function tooCostly(points: number): GraphQLError {
  const cost = Number.isFinite(points) ? `costs ${points} points` : 'is too large to estimate';
  return new GraphQLError(
    `the query ${cost}; one request may cost ${COST_LIMITS.maxPoints} (list arguments count as the objects they ask for)`,
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', maxCost: COST_LIMITS.maxPoints, http: { status: 400 } } },
  );
}

/**
 * Once Apollo knows the operation and its variables: refuses one over the maximum (charged
 * nothing more), and charges any other its units beyond the first, or refuses it with
 * RATE_LIMITED (429) when they do not fit the key's limit this second.
 */
export function costLimit(charge: ChargeCost): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          const points = cachedOperationCost(schema, document, request.variables, operationName ?? undefined);
          if (points === null) return;
          if (points > COST_LIMITS.maxPoints) throw tooCostly(points);
          const units = costUnits(points);
          if (units <= 1) return;
          try {
            await charge(contextValue, units - 1);
          } catch (error) {
            throw requestRefusal(error, contextValue.requestId, contextValue.logger);
          }
        },
      };
    },
  };
}
