/**
 * AWS Lambda entry. Built once per container; a request only gets a fresh context. In on-demand
 * initialization the Apollo server itself is built by the first request, beside its reads
 * (Config.deferServerBuild).
 */
import { createApp } from './app';
import { createLambdaHandler } from './lambda';

// Marks for the cold-start benchmark (bench/cold-child.cjs): module load ends, app construction
// (without the server where its build is deferred: then it is part of the first request).
performance.mark('qbank:app:start');
const app = createApp();
performance.mark('qbank:app:built');

export const graphql = createLambdaHandler(app);
