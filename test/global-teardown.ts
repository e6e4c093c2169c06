import { dropTestDatabases, stopTestStack, type Stack } from './stack';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __STACK__?: Stack }).__STACK__;
  if (!stack?.dbPrefix) return;
  await stopTestStack(stack);
  await dropTestDatabases(stack.dbPrefix);
}
