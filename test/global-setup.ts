import { startTestStack } from './stack';

export default async function globalSetup(): Promise<void> {
  const stack = await startTestStack();
  // Test files run in workers spawned after this: they inherit these variables.
  Object.assign(process.env, stack.env, { GATEWAY_URL: stack.gatewayUrl });
  (globalThis as { __STACK__?: unknown }).__STACK__ = stack;
}
