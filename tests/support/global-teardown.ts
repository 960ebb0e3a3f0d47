export default async function globalTeardown(): Promise<void> {
  await globalThis.__QBANK_DYNAMODB__?.stop();
  globalThis.__QBANK_DYNAMODB__ = undefined;
}
