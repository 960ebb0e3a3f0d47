/** AWS Lambda entry. Built once per container; a request only gets a fresh context. */
import { createApp } from './app';
import { createLambdaHandler } from './lambda';

export const graphql = createLambdaHandler(createApp());
