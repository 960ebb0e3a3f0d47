// One cold start, run by bench/cold-start.ts in a fresh `node`: load the bundled handler (which
// builds the app at module load, as in Lambda), serve one request, print timings as JSON.
// Plain CommonJS on purpose: no TypeScript loader may add to the time being measured.
// Times are performance.now(): ms since the process started (the origin of performance marks).
const requireAt = performance.now();
const [bundle, exportName, eventJson] = process.argv.slice(2);
const handler = require(bundle)[exportName];
const loadedAt = performance.now();

// Marks the bundle may set around building its app (src/handler.ts, bench/floor/sdk-only.ts).
const markAt = (name) => {
  const [entry] = performance.getEntriesByName(name, 'mark');
  return entry ? entry.startTime : undefined;
};
const context = {
  awsRequestId: 'cold-start',
  functionName: 'qbank-bench-graphql',
  getRemainingTimeInMillis: () => 10000,
};

// Only for the traced run (bench/cold-proxy.ts): tell the recording proxy when the request
// begins and ends. The proxy answers the first marker once the reads started during init are
// done; the short wait before it lets them reach the wire first.
const phaseUrl = process.env.QBANK_BENCH_PHASE_URL;
const phase = (name) =>
  new Promise((resolve, reject) => {
    require('node:http')
      .get(`${phaseUrl}${name}`, (res) => res.resume().on('end', resolve))
      .on('error', reject);
  });
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

function report(text, code) {
  process.stdout.write(`${text}\n`, () => process.exit(code));
}

async function finish(result, calledAt) {
  const answeredAt = performance.now();
  if (phaseUrl) await phase('done');
  const body = JSON.parse(result.body);
  const ok = result.statusCode === 200 && !body.errors && body.data != null;
  const appStart = markAt('qbank:app:start');
  const appBuilt = markAt('qbank:app:built');
  const marked = appStart !== undefined && appBuilt !== undefined;
  report(
    JSON.stringify({
      ok,
      // process start → the child's first line: node's own start
      bootMs: requireAt,
      // require of the bundle up to the app's construction (all of require when unmarked)
      loadMs: (marked ? appStart : loadedAt) - requireAt,
      // the app's construction, between the bundle's two marks
      constructMs: marked ? appBuilt - appStart : null,
      firstRequestMs: answeredAt - calledAt,
      // process start → answer
      totalMs: answeredAt,
      // the bundle's lazy chunks (esbuild-plugins.js) this request loaded, by name
      chunks: Object.keys(require.cache)
        .filter((file) => /[\\/]chunks[\\/][^\\/]+\.js$/.test(file))
        .map((file) => require('node:path').basename(file, '.js'))
        .sort(),
      ...(ok ? {} : { result }),
    }),
    0,
  );
}

// Called right after require in timed runs, as Lambda would; after the phase marker when traced.
function serve() {
  const calledAt = performance.now();
  let answer;
  try {
    answer = Promise.resolve(handler(JSON.parse(eventJson), context, () => undefined));
  } catch (error) {
    answer = Promise.reject(error);
  }
  return answer.then((result) => finish(result, calledAt));
}

(phaseUrl
  ? settle()
      .then(() => phase('request'))
      .then(serve)
  : serve()
).catch((error) => report(JSON.stringify({ ok: false, error: String(error && error.stack) }), 1));
