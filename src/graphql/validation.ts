/**
 * Validation beyond graphql-js's own rules.
 */
import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * graphql-js only notices that the schema has no mutation (or subscription) root when it
 * executes, and throws a plain error there, which would be masked as a 500. Refusing such an
 * operation while validating gives the client the 400 it deserves.
 */
export const operationTypeExists: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = {
      query: schema.getQueryType(),
      mutation: schema.getMutationType(),
      subscription: schema.getSubscriptionType(),
    }[node.operation];
    if (!root) context.reportError(new GraphQLError(`this API has no ${node.operation} operations`, { nodes: [node] }));
  },
});
