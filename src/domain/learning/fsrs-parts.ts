/**
 * The parts of ts-fsrs this server uses, in one module that memory.ts and outcomes.ts load on
 * first use: in the Lambda bundle it is a file of its own (esbuild-plugins.js, LAZY_CHUNKS), so
 * a cold start whose first request schedules nothing never parses ts-fsrs.
 */
export { computeDecayFactor, createEmptyCard, fsrs, generatorParameters, Rating, State } from 'ts-fsrs';
