/** AWS Lambda entry. Built once per container; a request only gets a fresh context. */
import { createApp } from './app';
import { createLambdaHandler } from './lambda';

// Marks for the cold-start benchmark (bench/cold-child.cjs): module load ends, app construction.
performance.mark('qbank:app:start');
const app = createApp();
performance.mark('qbank:app:built');

export const graphql = createLambdaHandler(app);
