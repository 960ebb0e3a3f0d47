// One cold start, run by bench/cold-start.ts in a fresh `node`: load the bundled handler (which
// builds the app at module load, as in Lambda), serve one request, print timings as JSON.
// Plain CommonJS on purpose: no TypeScript loader may add to the time being measured.
const start = process.hrtime.bigint();
const [bundle, exportName, eventJson] = process.argv.slice(2);
const handler = require(bundle)[exportName];
const loaded = process.hrtime.bigint();

const ms = (from, to) => Number(to - from) / 1e6;
const context = {
  awsRequestId: 'cold-start',
  functionName: 'qbank-bench-graphql',
  getRemainingTimeInMillis: () => 10000,
};

Promise.resolve(handler(JSON.parse(eventJson), context, () => undefined)).then(
  (result) => {
    const answered = process.hrtime.bigint();
    const body = JSON.parse(result.body);
    const ok = result.statusCode === 200 && !body.errors && body.data != null;
    const report = { ok, initMs: ms(start, loaded), firstRequestMs: ms(loaded, answered), ...(ok ? {} : { result }) };
    process.stdout.write(`${JSON.stringify(report)}\n`, () => process.exit(0));
  },
  (error) => {
    process.stdout.write(`${JSON.stringify({ ok: false, error: String(error && error.stack) })}\n`, () =>
      process.exit(1),
    );
  },
);
