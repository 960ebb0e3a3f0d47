/**
 * esbuild plugins for the Lambda bundle: serverless.yml names this file in custom.esbuild.plugins
 * and bench/bundle.ts loads it too. A cold start pays for every byte it parses, so the bundle
 * gets one copy of each library and none of the code the Lambda never runs.
 */
'use strict';

const path = require('node:path');

/**
 * Dual packages whose CommonJS build is compiled from the same ES modules (named exports only),
 * so a require() may be handed the ES build. Without this, graphql and @apollo/server are bundled
 * twice (their ES build for our imports, their CJS build for the CJS packages that require them:
 * @as-integrations/aws-lambda, @apollo/utils.*), and only the ES build can be tree-shaken.
 */
const ES_BUILD_FOR_REQUIRE = /^(graphql|@apollo\/server|lru-cache)(\/|$)/;

/**
 * graphql has no exports map: a deep import without an extension (`graphql/language/parser`, as
 * @escape.tech/graphql-armor-max-tokens writes it) resolves to the CommonJS .js next to the .mjs,
 * bundling a second parser, lexer and GraphQLError (~45 KB). The .mjs is the same module.
 */
const GRAPHQL_DEEP_IMPORT = /^graphql\/[^.]+$/;

/**
 * Apollo looks for graphql 17's experimentalExecuteIncrementally on every execution with
 * `await import('graphql')` (@apollo/server/dist/esm/incrementalDeliveryPolyfill.js). That
 * namespace import keeps every export of graphql in the bundle: none of it could be tree-shaken
 * (~33 KB more). Apollo reads only `version` and that function, which graphql 16 does not have, so
 * this module answers exactly as graphql 16 itself does. The build fails on another major.
 */
const GRAPHQL_NAMESPACE_IMPORTER = /@apollo[\\/]server[\\/]dist[\\/]esm[\\/]incrementalDeliveryPolyfill\.js$/;
/**
 * The version as a constant, not `export { version } from 'graphql'`: a module that is imported
 * dynamically is initialised lazily, and so must be every module it imports, so a re-export
 * from here would wrap all of graphql in lazy initialisers (see the cacheControl stub below).
 */
const graphqlVersionOnly = (version) => `export const version = ${JSON.stringify(version)};`;

/** Modules replaced by a stub that throws when called, each with the reason it is never called. */
const STUBS = [
  {
    // Apollo imports these only while starting, and only when no *Disabled plugin says otherwise;
    // src/graphql/server.ts installs the Disabled ones (no GraphOS reporting, not a subgraph).
    // They bring protobufjs and the usage-reporting schema: ~250 KB of the naive bundle.
    filter: /\/plugin\/(usageReporting|schemaReporting|inlineTrace)\/index\.js$/,
    importer: /@apollo[\\/]server[\\/]/,
    exports: ['ApolloServerPluginUsageReporting', 'ApolloServerPluginSchemaReporting', 'ApolloServerPluginInlineTrace'],
    why: 'Apollo GraphOS reporting and inline traces are left out of the Lambda bundle',
  },
  {
    // Likewise Apollo's cache-control plugin (schema cache hints, which we do not use):
    // src/graphql/server.ts installs ApolloServerPluginCacheControlDisabled. Only a few KB, but it
    // is imported dynamically and imports graphql, and a dynamically imported module and all it
    // imports are initialised lazily: with it, esbuild wraps every module of graphql in a lazy
    // initialiser, whose body V8 then parses twice (once while compiling the bundle, once in full
    // when it runs). Without it, graphql's modules sit in the bundle's top level, parsed once.
    filter: /\/plugin\/cacheControl\/index\.js$/,
    importer: /@apollo[\\/]server[\\/]/,
    exports: ['ApolloServerPluginCacheControl'],
    why: "Apollo's cache-control plugin is left out of the Lambda bundle: install ApolloServerPluginCacheControlDisabled",
  },
  {
    // Apollo only calls makeExecutableSchema when given typeDefs; src/graphql/server.ts hands it
    // a built schema instead. @graphql-tools is about a tenth of the bundle.
    filter: /^@graphql-tools\/schema$/,
    importer: /@apollo[\\/]server[\\/]/,
    exports: ['makeExecutableSchema'],
    why: '@graphql-tools/schema is left out of the Lambda bundle: pass ApolloServer a schema',
  },
  {
    // Lambda hands the function its role's credentials in environment variables, the first
    // source the SDK's default chain tries; the others (profiles, SSO, web identity, container
    // and instance metadata) and the STS/SSO clients they need are never reached there.
    filter: /^@aws-sdk\/credential-provider-(ini|process|sso|web-identity|http)$|^@smithy\/credential-provider-imds$/,
    importer: /credential-provider-node/,
    exports: [
      'fromIni',
      'fromProcess',
      'fromSSO',
      'fromTokenFile',
      'fromHttp',
      'fromContainerMetadata',
      'fromInstanceMetadata',
    ],
    constants: {
      ENV_CMDS_FULL_URI: 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
      ENV_CMDS_RELATIVE_URI: 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    },
    why: 'AWS credentials must come from environment variables in the Lambda bundle: other sources are left out',
  },
  {
    // The SDK's HTTP protocol imports the event-stream codec only for an operation with an
    // event-stream input or output; DynamoDB has none. ~19 KB with what only it uses.
    filter: /^@smithy\/core\/event-streams$/,
    importer: /@smithy[\\/]core[\\/]/,
    exports: ['EventStreamSerde', 'eventStreamSerdeProvider'],
    why: 'the AWS SDK event-stream codec is left out of the Lambda bundle: no DynamoDB operation streams events',
  },
  {
    // Apollo calls loglevel.getLogger only when it is given no logger; src/graphql/server.ts
    // gives it ours (structured JSON lines), so loglevel's logger is never made.
    filter: /^loglevel$/,
    importer: /@apollo[\\/]server[\\/]/,
    exports: [],
    defaultObject: ['getLogger'],
    why: 'loglevel is left out of the Lambda bundle: give ApolloServer a logger',
  },
  {
    // @aws-sdk/core's user-agent code for browsers; Node uses the node variant. (No module of
    // the SDK in package-lock.json imports it today: kept against a version that does again.)
    filter: /^bowser$/,
    exports: ['default', 'parse', 'getParser'],
    why: 'bowser (browser user agents) is left out of the Lambda bundle',
  },
];

/**
 * @apollo/utils.createhash picks node:crypto through `module.require`, which a bundled module
 * lacks, and falls back to sha.js: a pure-JS SHA-256 on every request (Apollo hashes each query)
 * plus ~30 KB of polyfills. This is the same function, on node:crypto.
 */
const CREATE_HASH = `
const { createHash: nodeCreateHash } = require('node:crypto');
exports.createHash = (kind) => nodeCreateHash(kind);
`;

function stubSource({ exports, defaultObject, constants = {}, why }) {
  // A function, not an arrow: `new` of a stubbed class throws this error too.
  const lines = [`function fail() { throw new Error(${JSON.stringify(`${why} (esbuild-plugins.js)`)}); }`];
  for (const name of exports) lines.push(name === 'default' ? 'export default fail;' : `export const ${name} = fail;`);
  // A default export that is an object of functions (`loglevel.getLogger(…)`).
  if (defaultObject) lines.push(`export default { ${defaultObject.map((name) => `${name}: fail`).join(', ')} };`);
  for (const [name, value] of Object.entries(constants)) lines.push(`export const ${name} = ${JSON.stringify(value)};`);
  return lines.join('\n');
}

/** @type {import('esbuild').Plugin} */
const oneCopyOfDualPackages = {
  name: 'qbank-one-copy-of-dual-packages',
  setup(build) {
    build.onResolve({ filter: ES_BUILD_FOR_REQUIRE }, async (args) => {
      if (args.pluginData === 'qbank-es-build') return undefined;
      const deepGraphql = GRAPHQL_DEEP_IMPORT.test(args.path);
      if (args.kind !== 'require-call' && !deepGraphql) return undefined;
      const resolved = await build.resolve(deepGraphql ? `${args.path}.mjs` : args.path, {
        kind: 'import-statement',
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'qbank-es-build',
      });
      return resolved.errors.length > 0 ? undefined : { path: resolved.path, sideEffects: resolved.sideEffects };
    });
    build.onResolve({ filter: /^graphql$/ }, (args) =>
      args.kind === 'dynamic-import' && GRAPHQL_NAMESPACE_IMPORTER.test(args.importer)
        ? { path: 'graphql-version', namespace: 'qbank-graphql-version' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'qbank-graphql-version' }, () => {
      const { version } = require('graphql/package.json');
      if (!version.startsWith('16.')) {
        return {
          errors: [
            {
              text: `graphql ${version}: graphqlVersionOnly in esbuild-plugins.js answers for graphql 16 only; revisit it`,
            },
          ],
        };
      }
      return { contents: graphqlVersionOnly(version), loader: 'js' };
    });
  },
};

/**
 * Apollo uses negotiator for the Accept header's media types only; the package's main module
 * also brings its charset, encoding and language parsers. Apollo gets the same constructor with
 * the same mediaType(s), on negotiator's own media-type module (negotiator/index.js's code).
 */
const NEGOTIATOR_MEDIA_TYPES_ONLY = `
const preferredMediaTypes = require('negotiator/lib/mediaType');
function Negotiator(request) {
  if (!(this instanceof Negotiator)) return new Negotiator(request);
  this.request = request;
}
Negotiator.prototype.mediaType = function mediaType(available) {
  const set = this.mediaTypes(available);
  return set && set[0];
};
Negotiator.prototype.mediaTypes = function mediaTypes(available) {
  return preferredMediaTypes(this.request.headers.accept, available);
};
module.exports = Negotiator;
`;

/**
 * Apollo's InMemoryLRUCache is ~2 KB over lru-cache's ~19 KB; src/graphql/apollo-cache.ts is the
 * same cache on a Map (its unit test holds it to the original's behaviour).
 */
const APOLLO_CACHE = path.join(__dirname, 'src/graphql/apollo-cache.ts');

/** Apollo asks whatwg-mimetype for a Content-Type's essence only: src/graphql/mime-type.ts answers that. */
const MIME_TYPE_ESSENCE = path.join(__dirname, 'src/graphql/mime-type.ts');

/** @type {import('esbuild').Plugin} */
const leaveOutUnusedCode = {
  name: 'qbank-leave-out-unused-code',
  setup(build) {
    STUBS.forEach((stub, index) => {
      // One module per stub, whichever of its paths was asked for.
      build.onResolve({ filter: stub.filter }, (args) =>
        !stub.importer || stub.importer.test(args.importer)
          ? { path: String(index), namespace: 'qbank-stub' }
          : undefined,
      );
    });
    build.onLoad({ filter: /.*/, namespace: 'qbank-stub' }, (args) => ({
      contents: stubSource(STUBS[Number(args.path)]),
      loader: 'js',
    }));
    build.onResolve({ filter: /^@apollo\/utils\.createhash$/ }, () => ({
      path: 'createhash',
      namespace: 'qbank-createhash',
    }));
    build.onLoad({ filter: /.*/, namespace: 'qbank-createhash' }, () => ({ contents: CREATE_HASH, loader: 'js' }));
    build.onResolve({ filter: /^negotiator$/ }, (args) =>
      /@apollo[\\/]server[\\/]/.test(args.importer)
        ? { path: 'negotiator', namespace: 'qbank-negotiator', pluginData: path.dirname(args.importer) }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'qbank-negotiator' }, (args) => ({
      contents: NEGOTIATOR_MEDIA_TYPES_ONLY,
      loader: 'js',
      resolveDir: args.pluginData,
    }));
    build.onResolve({ filter: /^@apollo\/utils\.keyvaluecache$/ }, (args) =>
      /@apollo[\\/]server[\\/]/.test(args.importer) ? { path: APOLLO_CACHE } : undefined,
    );
    build.onResolve({ filter: /^whatwg-mimetype$/ }, (args) =>
      /@apollo[\\/]server[\\/]/.test(args.importer) ? { path: MIME_TYPE_ESSENCE } : undefined,
    );
  },
};

/**
 * Packages whose modules do nothing at import but define things, though their package.json does
 * not say so (`sideEffects: false`): saying it for them lets esbuild drop the modules of theirs
 * we never use. graphql-query-complexity: src/graphql/complexity.ts does its job now (the package
 * stays as the reference of tests/unit/complexity.test.ts); should it be imported again, only
 * what is used would be bundled, not its estimators, directive helpers or validation rule.
 */
const SIDE_EFFECT_FREE = /^graphql-query-complexity$/;

/** @type {import('esbuild').Plugin} */
const treeShakeSideEffectFree = {
  name: 'qbank-tree-shake-side-effect-free',
  setup(build) {
    build.onResolve({ filter: SIDE_EFFECT_FREE }, async (args) => {
      if (args.pluginData === 'qbank-side-effect-free') return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'qbank-side-effect-free',
      });
      return resolved.errors.length > 0 ? undefined : { path: resolved.path, sideEffects: false };
    });
  },
};

const packageOf = (file) => (/node_modules\/((@[^/]+\/)?[^/]+)/.exec(file) ?? [])[1];

/**
 * mainFields puts `module` first, so a require() of a package without an exports map gets its
 * ES build too. That is only safe for packages whose CJS build has the same named exports (a
 * CJS `module.exports = fn` would arrive as `{ default: fn }`), so every such require must be
 * of a package vetted in ES_BUILD_FOR_REQUIRE: anything else fails the build. And a vetted
 * package must come once: any file of its CommonJS build in the bundle fails the build too.
 */
/** @type {import('esbuild').Plugin} */
const checkRequiresOfEsBuilds = {
  name: 'qbank-check-requires-of-es-builds',
  setup(build) {
    build.initialOptions.metafile = true;
    build.onEnd((result) => {
      const inputs = result.metafile?.inputs ?? {};
      const problems = new Set();
      for (const [file, input] of Object.entries(inputs)) {
        for (const edge of input.imports) {
          const target = packageOf(edge.path);
          if (
            inputs[edge.path]?.format === 'cjs' &&
            target &&
            target !== packageOf(file) &&
            ES_BUILD_FOR_REQUIRE.test(target)
          ) {
            problems.add(
              `${packageOf(file) ?? file} imports ${edge.original ?? edge.path}, which resolved to ${edge.path}: the CommonJS build of ${target}, bundled next to its ES build; make oneCopyOfDualPackages (esbuild-plugins.js) resolve it to the ES build`,
            );
          }
          if (
            edge.kind !== 'require-call' ||
            inputs[edge.path]?.format !== 'esm' ||
            !target ||
            target === packageOf(file)
          )
            continue;
          if (!ES_BUILD_FOR_REQUIRE.test(target)) {
            problems.add(
              `${packageOf(file) ?? file} requires ${target}, which resolved to its ES build: vet it and add it to ES_BUILD_FOR_REQUIRE (esbuild-plugins.js)`,
            );
          }
        }
      }
      return { errors: [...problems].map((text) => ({ text })) };
    });
  },
};

/**
 * Lazy chunks: libraries our code loads only on first use, each through one module of ours that
 * re-exports the parts it uses and that our code require()s inside a function, never at import.
 * V8 compiles every byte of handler.js while loading it, whether or not the code ever runs, so in
 * the Lambda bundle each such module is a file of its own beside handler.js (chunks/<name>.js),
 * compiled only by a container whose requests need it (docs/performance.md, "What the cold start
 * does less"). A chunk holds its libraries only (or, with none, its own module: data), and
 * handler.js none of them (either fails the build): a module in both would be two copies, each
 * with its own state and classes.
 */
const LAZY_CHUNKS = [
  // user tokens: only requests with `Authorization: Bearer` (src/auth/jose.ts)
  { name: 'jose', module: 'src/auth/jose-parts.ts', packages: ['jose'] },
  // scheduling and retrievability: attempts, due questions, weakTopics (src/domain/learning/fsrs.ts)
  { name: 'fsrs', module: 'src/domain/learning/fsrs-parts.ts', packages: ['ts-fsrs'] },
  // searchQuestions' stemming (src/domain/search/text.ts)
  { name: 'stemmers', module: 'src/domain/search/stemmer-parts.ts', packages: ['@orama/stemmers'] },
  // the schema with its descriptions: only a server that answers introspection (src/graphql/server.ts)
  { name: 'schema', module: 'src/graphql/generated/schema-document.ts', packages: [] },
];

const chunkFile = (chunk) => `./chunks/${chunk.name}.js`;

/** What every file of the bundle is built with: handler.js adds lazyChunks, which builds the chunks with these. */
const CHUNK_PLUGINS = [oneCopyOfDualPackages, leaveOutUnusedCode, treeShakeSideEffectFree, checkRequiresOfEsBuilds];

/** @type {import('esbuild').Plugin} */
const lazyChunks = {
  name: 'qbank-lazy-chunks',
  setup(build) {
    const chunkOf = new Map(LAZY_CHUNKS.map((chunk) => [path.join(__dirname, chunk.module), chunk]));
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const chunk = chunkOf.get(`${path.join(args.resolveDir, args.path)}.ts`);
      if (!chunk) return undefined;
      if (args.kind !== 'require-call')
        return {
          errors: [
            { text: `${args.path} is a lazy chunk (esbuild-plugins.js): require() it on first use, never import it` },
          ],
        };
      return { path: chunkFile(chunk), external: true };
    });
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return undefined;
      const { outdir, outfile } = build.initialOptions;
      const dir = outdir ?? path.dirname(outfile);
      const errors = [];
      const bundled = (inputs, chunk) =>
        Object.keys(inputs).filter((file) => chunk.packages.includes(packageOf(file) ?? ''));
      for (const chunk of LAZY_CHUNKS) {
        for (const file of bundled(result.metafile?.inputs ?? {}, chunk))
          errors.push(
            `${file} is in handler.js, but ${chunk.packages.join(', ')} belong to the lazy chunk ${chunk.name}: load them through ${chunk.module}`,
          );
        const built = await build.esbuild.build({
          ...build.initialOptions,
          stdin: undefined,
          entryPoints: [path.join(__dirname, chunk.module)],
          outdir: undefined,
          outfile: path.join(dir, chunkFile(chunk)),
          plugins: CHUNK_PLUGINS,
          metafile: true,
          logLevel: 'silent',
        });
        errors.push(...built.errors.map((error) => error.text));
        for (const file of Object.keys(built.metafile?.inputs ?? {}))
          if (
            path.resolve(build.initialOptions.absWorkingDir ?? process.cwd(), file) !==
              path.join(__dirname, chunk.module) &&
            !chunk.packages.includes(packageOf(file) ?? '')
          )
            errors.push(
              `the lazy chunk ${chunk.name} would hold ${file}, a second copy of a module of handler.js: a chunk holds ${chunk.packages.join(', ')} only`,
            );
      }
      return { errors: errors.map((text) => ({ text })) };
    });
  },
};

module.exports = [...CHUNK_PLUGINS, lazyChunks];
