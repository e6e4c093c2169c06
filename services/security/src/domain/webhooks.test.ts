import { recipientsFor, webhookSecretProblem, webhookUrlProblem, WebhookRelay } from './webhooks';

test('a webhook URL: http(s) only, no credentials, at most 500 characters', () => {
  expect(webhookUrlProblem('https://oa.example.gov.cn/hooks/notices?dept=gaj')).toBeNull();
  expect(webhookUrlProblem('http://10.1.2.3:8080/notify')).toBeNull();
  expect(webhookUrlProblem('ftp://oa.example.gov.cn/x')).toBe('http(s) only');
  expect(webhookUrlProblem('javascript:alert(1)')).toBe('http(s) only');
  expect(webhookUrlProblem('https://admin:pw@oa.example.gov.cn/x')).toMatch(/no credentials/);
  expect(webhookUrlProblem('https://token@oa.example.gov.cn/x')).toMatch(/no credentials/);
  expect(webhookUrlProblem('oa.example.gov.cn/x')).toBe('not a URL');
  expect(webhookUrlProblem(`https://oa.example.gov.cn/${'a'.repeat(480)}`)).toBe('at most 500 characters');
  expect(webhookUrlProblem('http://169.254.169.254/latest/meta-data')).toMatch(/link-local/);
  expect(webhookUrlProblem('http://0.0.0.0:8080/x')).toMatch(/unspecified/);
  expect(webhookUrlProblem('http://[fe80::1]/x')).toMatch(/link-local/);
  expect(webhookUrlProblem('http://[::]/x')).toMatch(/unspecified/);
  expect(webhookUrlProblem('http://[::1]:9000/x')).toBeNull();
});

test('a supplied secret: 16 to 128 printable ASCII characters', () => {
  expect(webhookSecretProblem('0123456789abcdef')).toBeNull();
  expect(webhookSecretProblem('short')).not.toBeNull();
  expect(webhookSecretProblem('with a space 1234567')).not.toBeNull();
  expect(webhookSecretProblem('密钥'.repeat(10))).not.toBeNull();
  expect(webhookSecretProblem('x'.repeat(129))).not.toBeNull();
});

test('retries back off doubling from the base, capped', () => {
  expect([1, 2, 3, 4].map((n) => WebhookRelay.backoff(n, 2000, 900_000))).toEqual([2000, 4000, 8000, 16000]);
  expect(WebhookRelay.backoff(20, 2000, 900_000)).toBe(900_000);
});

test("a webhook stands for its department's recipients and, opted in, for its roles in exactly its own region", () => {
  const city = { id: 'w1', departmentId: '420600-sjj', regionCode: '420600', kinds: null, regionRoles: 'authority' };
  const toCity = { regionCode: '420600', role: 'authority' };
  const toCounty = { regionCode: '420683', role: 'authority' };
  const toOperator = { regionCode: '420600', role: 'platform-operator' };
  const toDept = { departmentId: '420600-sjj', role: 'dept-admin' };
  expect(recipientsFor(city, [toCity, toCounty, toOperator, toDept, { username: 'someone' }])).toEqual([toCity, toDept]);
  expect(recipientsFor({ ...city, regionRoles: null }, [toCity, toDept])).toEqual([toDept]);
  expect(recipientsFor({ ...city, departmentId: '420683-sjj', regionCode: '420683' }, [toCity])).toEqual([]);
  expect(recipientsFor({ ...city, regionRoles: 'authority,platform-operator' }, [toOperator])).toEqual([toOperator]);
});
