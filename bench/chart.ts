/**
 * The scale chart: p50 latency against size, per operation, the handler (solid) beside the raw
 * SDK calls it is compared with (dashed). Drawn with Vega-Lite, rendered to SVG by Vega in Node
 * (no browser, no canvas), written to docs/performance-scale.svg by `npm run bench` and
 * `npm run bench:scale`.
 *
 *   npm run bench:chart [-- results.json [chart.svg]]     redraws it from a saved run
 *
 * The results file defaults to bench/results.json (any JSON with a "scale" array of rows will
 * do), the chart to docs/performance-scale.svg.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScaleRow } from './scale';

const VEGA_LITE: string = 'vega-lite';

export const CHART_FILE = path.resolve(__dirname, '../docs/performance-scale.svg');

interface Point {
  panel: string;
  order: number;
  operation: string;
  series: 'handler' | 'raw SDK';
  size: number;
  p50Ms: number;
  ratio: number;
  calls: number;
}

function points(rows: readonly ScaleRow[]): Point[] {
  const out: Point[] = [];
  for (const r of rows) {
    const panel = r.userAttempts === null ? 'content' : `learning · bank of ${r.bankQuestions.toLocaleString('en-US')}`;
    const order = r.userAttempts === null ? 0 : r.bankQuestions;
    const base = {
      panel,
      order,
      operation: r.operation,
      size: r.size,
      ratio: Math.round(r.ratio * 100) / 100,
      calls: r.dynamoCalls,
    };
    out.push({ ...base, series: 'handler', p50Ms: r.p50Ms }, { ...base, series: 'raw SDK', p50Ms: r.rawP50Ms });
  }
  return out;
}

/** The Vega-Lite specification of the chart (exported for anyone who wants it as JSON). */
export function scaleChartSpec(rows: readonly ScaleRow[]): Record<string, unknown> {
  const all = points(rows);
  const layer = (title: string, ticks: number[]) => ({
    mark: { type: 'line', point: { size: 30, filled: true }, strokeWidth: 1.6 },
    encoding: {
      x: {
        field: 'size',
        type: 'quantitative',
        scale: { type: 'log', nice: false, padding: 8 },
        axis: { values: ticks, format: '~s', title, grid: true },
      },
      y: {
        field: 'p50Ms',
        type: 'quantitative',
        scale: { type: 'log', domain: [0.5, 500], nice: false },
        axis: { values: [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500], title: 'p50 (ms, log)' },
      },
      color: { field: 'operation', type: 'nominal', title: 'operation', scale: { scheme: 'tableau10' } },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        title: 'measured',
        scale: {
          domain: ['handler', 'raw SDK'],
          range: [
            [1, 0],
            [4, 3],
          ],
        },
        legend: null,
      },
      detail: { field: 'series' },
      tooltip: [
        { field: 'operation' },
        { field: 'series' },
        { field: 'size' },
        { field: 'p50Ms', format: '.2f' },
        { field: 'ratio' },
        { field: 'calls' },
      ],
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'qbank: warm p50 against size — handler (solid) beside the minimal raw SDK calls (dashed)',
      anchor: 'start',
      fontSize: 13,
    },
    hconcat: [
      {
        title: { text: 'content operations', fontSize: 11 },
        data: { values: all.filter((p) => p.order === 0) },
        width: 180,
        height: 240,
        ...layer('bank questions', [100, 1000, 10000]),
      },
      {
        data: { values: all.filter((p) => p.order > 0) },
        facet: {
          column: {
            field: 'panel',
            type: 'nominal',
            title: null,
            sort: { field: 'order' },
            header: { labelFontSize: 11, labelFontWeight: 'bold' },
          },
        },
        spec: { width: 180, height: 240, ...layer("learner's attempts", [10, 100, 200, 1000, 2000]) },
      },
    ],
    resolve: { scale: { color: 'shared', strokeDash: 'shared' } },
    config: {
      font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
      view: { stroke: '#ddd' },
      axis: { labelFontSize: 10, titleFontSize: 11 },
    },
  };
}

/** Renders the chart to an SVG string with Vega (headless: the 'none' renderer, then toSVG). */
export async function renderScaleChart(rows: readonly ScaleRow[]): Promise<string> {
  const vega = await import('vega');
  // vega-lite ships its types behind package exports, which this repo's node10 resolution cannot see.
  const vegaLite = (await import(VEGA_LITE)) as { compile(spec: unknown): { spec: Parameters<typeof vega.parse>[0] } };
  const compiled = vegaLite.compile(scaleChartSpec(rows)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function writeScaleChart(rows: readonly ScaleRow[], file = CHART_FILE): Promise<string> {
  writeFileSync(file, await renderScaleChart(rows));
  return file;
}

/** The rows of a saved run, with a hint when the file holds none. */
function readScaleRows(file: string): ScaleRow[] {
  const { scale } = JSON.parse(readFileSync(file, 'utf8')) as { scale?: ScaleRow[] };
  if (!Array.isArray(scale) || scale.length === 0)
    throw new Error(`${file} has no "scale" rows: run npm run bench or npm run bench:scale first`);
  return scale;
}

if (require.main === module) {
  const source = path.resolve(process.argv[2] ?? path.join(__dirname, 'results.json'));
  const target = path.resolve(process.argv[3] ?? CHART_FILE);
  Promise.resolve()
    .then(() => writeScaleChart(readScaleRows(source), target))
    .then((file) =>
      process.stdout.write(
        `wrote ${path.relative(process.cwd(), file)} from ${path.relative(process.cwd(), source)}\n`,
      ),
    )
    .catch((error: Error) => {
      process.stderr.write(`chart: ${error.stack ?? error.message}\n`);
      process.exitCode = 1;
    });
}
