/**
 * outgoingRequestsSent (src/store/requests-sent.ts): resolves once the HTTP requests started so far
 * are written out — including one that node's http gets only after a chain of promises, as the
 * SDK's middleware hands it over — and never hangs on a request that fails.
 */
import { createServer, request, type ClientRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { followOutgoingRequests, outgoingRequestsSent, unsentRequests } from '../../src/store/requests-sent';

let server: Server;
let port: number;
const answers: (() => void)[] = [];

beforeAll(async () => {
  followOutgoingRequests();
  // Answers only when the test says so: a request is written long before its answer.
  server = createServer((req, res) => {
    req.resume();
    answers.push(() => res.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  answers.splice(0).forEach((answer) => answer());
  await new Promise((resolve) => server.close(resolve));
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

function post(toPort = port): { req: ClientRequest; done: Promise<string> } {
  let req!: ClientRequest;
  const done = new Promise<string>((resolve) => {
    req = request({ host: '127.0.0.1', port: toPort, method: 'POST', path: '/' }, (res) => {
      res.resume();
      res.on('end', () => resolve('answered'));
    });
    req.on('error', () => resolve('failed'));
    req.end('{"TableName":"t"}');
  });
  return { req, done };
}

it('resolves at once when nothing was started', async () => {
  await outgoingRequestsSent();
  expect(unsentRequests()).toBe(0);
});

it('waits until a request started after a chain of promises is written, not answered', async () => {
  let started: { req: ClientRequest; done: Promise<string> } | undefined;
  void Promise.resolve()
    .then(() => undefined)
    .then(() => undefined)
    .then(() => {
      started = post();
    });
  await outgoingRequestsSent();
  expect(started?.req.writableFinished).toBe(true);
  expect(unsentRequests()).toBe(0);
  await until(() => answers.length === 1);
  answers.splice(0).forEach((answer) => answer());
  expect(await started?.done).toBe('answered');
});

it('does not hang on a request that fails to connect', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const { done } = post(closedPort);
  await outgoingRequestsSent();
  expect(unsentRequests()).toBe(0);
  expect(await done).toBe('failed');
});
