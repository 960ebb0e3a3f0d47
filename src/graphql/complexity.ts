/**
 * An operation's complexity as graphql-query-complexity 2.0's `getComplexity` computes it (its
 * QueryComplexity visitor, step for step), without the full document walk it drives that
 * visitor with: `visit(document, visitWithTypeInfo(...))` runs graphql's TypeInfo over every node
 * of the document, a second time after validation, only to call the visitor on each operation.
 * Here the operations are taken from the document's definitions in the same order. A cold start
 * compiled and ran that walk on its first request; a warm request ran it for every new document.
 *
 * Where the library reports an error (variables that do not fit, an argument that cannot be
 * coerced, an estimator without a number) and throws the last one once the walk is over, this
 * throws at the first: callers only tell "a number" from "an error" (src/graphql/cost.ts).
 */
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLDirective,
  type GraphQLField,
  type GraphQLSchema,
  type NameNode,
  type OperationDefinitionNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
} from 'graphql';

export interface EstimatorArgs {
  type: GraphQLCompositeType;
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
  args: Record<string, unknown>;
  childComplexity: number;
  context?: Record<string, unknown>;
}

/** A field's complexity; anything but a number (NaN included) is an error, as in the library. */
export type Estimator = (args: EstimatorArgs) => number | void;

/** The library's default ceiling on evaluated selections (`maxQueryNodes`). */
const MAX_QUERY_NODES = 10_000;

type Selectable = OperationDefinitionNode | FieldNode | FragmentDefinitionNode | InlineFragmentNode;
type Variables = Record<string, unknown>;

export function queryComplexity(options: {
  schema: GraphQLSchema;
  query: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
  estimator: Estimator;
}): number {
  const walk = new ComplexityWalk(options.schema, options.query, options.estimator);
  let complexity = 0;
  for (const definition of options.query.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    // as the library reads it: a name is required once an operation name is asked for
    if (typeof options.operationName === 'string' && options.operationName !== (definition.name as NameNode).value) {
      continue;
    }
    complexity += walk.operation(definition, options.variables ?? {});
  }
  return complexity;
}

/** The library's QueryComplexity visitor: one per document, its node count shared by its operations. */
class ComplexityWalk {
  private readonly includeDirective: GraphQLDirective;
  private readonly skipDirective: GraphQLDirective;
  private fragments: Record<string, FragmentDefinitionNode> | undefined;
  private evaluatedNodes = 0;
  private variableValues: Variables = {};

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly query: DocumentNode,
    private readonly estimator: Estimator,
  ) {
    this.includeDirective = schema.getDirective('include')!;
    this.skipDirective = schema.getDirective('skip')!;
  }

  operation(definition: OperationDefinitionNode, variables: Variables): number {
    const { coerced, errors } = getVariableValues(this.schema, definition.variableDefinitions ?? [], variables);
    if (errors?.length) throw errors[0];
    this.variableValues = coerced ?? {};
    const root =
      definition.operation === 'query'
        ? this.schema.getQueryType()
        : definition.operation === 'mutation'
          ? this.schema.getMutationType()
          : this.schema.getSubscriptionType();
    return this.nodeComplexity(definition, root);
  }

  private nodeComplexity(
    node: Selectable,
    typeDef: GraphQLCompositeType | null | undefined,
    activeFragments = new Set<string>(),
  ): number {
    if (!node.selectionSet || !typeDef) return 0;
    const fields = isObjectType(typeDef) || isInterfaceType(typeDef) ? typeDef.getFields() : {};
    const typeNames = this.possibleTypeNames(typeDef);
    const complexities: Record<string, number> = {};
    for (const child of node.selectionSet.selections) {
      this.evaluatedNodes++;
      if (this.evaluatedNodes >= MAX_QUERY_NODES) {
        throw new GraphQLError('Query exceeds the maximum allowed number of nodes.');
      }
      if (!this.included(child)) continue;
      if (child.kind === Kind.FIELD) {
        const complexity = this.fieldComplexity(child, typeDef, fields, activeFragments);
        if (complexity !== undefined) addComplexities(complexity, complexities, typeNames);
      } else if (child.kind === Kind.FRAGMENT_SPREAD) {
        this.spreadComplexity(child, complexities, activeFragments);
      } else {
        this.inlineComplexity(child, typeDef, complexities, activeFragments);
      }
    }
    return Math.max(...Object.values(complexities), 0);
  }

  /** `@include(if:)` and `@skip(if:)`, each read from the first directive of its name, as graphql does. */
  private included(node: FieldNode | FragmentSpreadNode | InlineFragmentNode): boolean {
    let includeNode = true;
    let skipNode = false;
    for (const directive of node.directives ?? []) {
      if (directive.name.value === 'include') {
        const values = getDirectiveValues(this.includeDirective, node, this.executionVariables());
        if (typeof values!.if === 'boolean') includeNode = values!.if;
      } else if (directive.name.value === 'skip') {
        const values = getDirectiveValues(this.skipDirective, node, this.executionVariables());
        if (typeof values!.if === 'boolean') skipNode = values!.if;
      }
    }
    return includeNode && !skipNode;
  }

  private fieldComplexity(
    node: FieldNode,
    typeDef: GraphQLCompositeType,
    fields: Record<string, GraphQLField<unknown, unknown>>,
    activeFragments: Set<string>,
  ): number | undefined {
    const name = node.name.value;
    const field: GraphQLField<unknown, unknown> | undefined =
      name === SchemaMetaFieldDef.name
        ? SchemaMetaFieldDef
        : name === TypeMetaFieldDef.name
          ? TypeMetaFieldDef
          : name === TypeNameMetaFieldDef.name
            ? TypeNameMetaFieldDef
            : fields[name];
    // an unknown field: validation refuses it
    if (!field) return undefined;
    const fieldType = getNamedType(field.type);
    const args = getArgumentValues(field, node, this.executionVariables());
    const childComplexity = isCompositeType(fieldType) ? this.nodeComplexity(node, fieldType, activeFragments) : 0;
    const complexity = this.estimator({ childComplexity, args, field, node, type: typeDef });
    if (typeof complexity !== 'number' || Number.isNaN(complexity)) {
      throw new GraphQLError(`No complexity could be calculated for field ${typeDef.name}.${field.name}.`);
    }
    return complexity;
  }

  private spreadComplexity(
    node: FragmentSpreadNode,
    complexities: Record<string, number>,
    activeFragments: Set<string>,
  ): void {
    const name = node.name.value;
    const fragment = this.fragmentNamed(name);
    // unknown, or already on the path (a cycle): validation refuses both
    if (!fragment || activeFragments.has(name)) return;
    const fragmentType = this.schema.getType(fragment.typeCondition.name.value);
    if (!isCompositeType(fragmentType)) return;
    activeFragments.add(name);
    const complexity = this.nodeComplexity(fragment, fragmentType, activeFragments);
    activeFragments.delete(name);
    addComplexities(complexity, complexities, this.possibleTypeNames(fragmentType));
  }

  private inlineComplexity(
    node: InlineFragmentNode,
    typeDef: GraphQLCompositeType,
    complexities: Record<string, number>,
    activeFragments: Set<string>,
  ): void {
    let fragmentType: unknown = typeDef;
    if (node.typeCondition?.name) {
      fragmentType = this.schema.getType(node.typeCondition.name.value);
      if (!isCompositeType(fragmentType)) return;
    }
    const type = fragmentType as GraphQLCompositeType;
    addComplexities(this.nodeComplexity(node, type, activeFragments), complexities, this.possibleTypeNames(type));
  }

  /** graphql's ValidationContext.getFragment: built once, the last definition of a name wins. */
  private fragmentNamed(name: string): FragmentDefinitionNode | undefined {
    if (!this.fragments) {
      this.fragments = Object.create(null) as Record<string, FragmentDefinitionNode>;
      for (const definition of this.query.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments[definition.name.value] = definition;
      }
    }
    return this.fragments[name];
  }

  private executionVariables(): Variables | undefined {
    return Object.keys(this.variableValues).length === 0 ? undefined : this.variableValues;
  }

  private possibleTypeNames(type: GraphQLCompositeType): string[] {
    return isAbstractType(type) ? this.schema.getPossibleTypes(type).map((t) => t.name) : [type.name];
  }
}

function addComplexities(complexity: number, complexities: Record<string, number>, typeNames: string[]): void {
  for (const name of typeNames) {
    complexities[name] = Object.prototype.hasOwnProperty.call(complexities, name)
      ? complexities[name] + complexity
      : complexity;
  }
}
