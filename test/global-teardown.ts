import { stopTestStack, type Stack } from './stack';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __STACK__?: Stack }).__STACK__;
  if (!stack?.dbPrefix) return;
  await stopTestStack(stack);
  // Throwaway databases go with the run.
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({
    host: process.env.MYSQL_HOST ?? '127.0.0.1', port: Number(process.env.MYSQL_PORT ?? 3306),
    user: process.env.MYSQL_USER ?? 'gov', password: process.env.MYSQL_PASSWORD ?? 'gov-dev-pw',
  });
  const [rows] = await conn.query('SHOW DATABASES LIKE ?', [`${stack.dbPrefix!.replace(/_/g, '\\_')}%`]);
  for (const row of rows as Array<Record<string, string>>) await conn.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
  await conn.end();
}
