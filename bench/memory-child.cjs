// One container's life for bench/memory-size.ts, in a fresh `node`: load the bundled handler,
// serve the first request, then `warm` more; report wall and CPU time (user + system) of each
// phase as JSON. CPU time is what Lambda's memory size scales (its CPU share grows with memory).
// Plain CommonJS on purpose: no TypeScript loader may add to the time being measured.
const [bundle, exportName, eventJson, warmArg] = process.argv.slice(2);
const cpuMs = (usage) => (usage.user + usage.system) / 1000;

const startCpu = process.cpuUsage();
const started = performance.now();
const handler = require(bundle)[exportName];
const event = JSON.parse(eventJson);
const context = (id) => ({
  awsRequestId: id,
  functionName: 'qbank-bench-graphql',
  getRemainingTimeInMillis: () => 10000,
});

async function main() {
  const first = await handler(event, context('first'), () => undefined);
  if (first.statusCode !== 200 || JSON.parse(first.body).errors) throw new Error(`first request: ${first.body}`);
  const cold = { wallMs: performance.now() - started, cpuMs: cpuMs(process.cpuUsage(startCpu)) };
  const warm = Number(warmArg);
  const walls = [];
  const warmCpu = process.cpuUsage();
  for (let i = 0; i < warm; i++) {
    const at = performance.now();
    const result = await handler(event, context(`warm-${i}`), () => undefined);
    walls.push(performance.now() - at);
    if (result.statusCode !== 200) throw new Error(`warm request ${i}: ${result.body}`);
  }
  const warmCpuMs = cpuMs(process.cpuUsage(warmCpu)) / warm;
  walls.sort((a, b) => a - b);
  const report = { ok: true, cold, warm: { wallP50Ms: walls[Math.floor((walls.length - 1) / 2)], cpuMs: warmCpuMs } };
  process.stdout.write(`${JSON.stringify(report)}\n`, () => process.exit(0));
}

main().catch((error) => {
  process.stdout.write(`${JSON.stringify({ ok: false, error: String(error && error.stack) })}\n`, () =>
    process.exit(1),
  );
});
