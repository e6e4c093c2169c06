import { hmacSm3Hex } from '@gov/gm-crypto';
import { signedDeliveryHeaders, webhookSignature } from './webhook';

test('the delivery signature is hex HMAC-SM3 of the secret over "<timestamp>.<body>", the same for PUSH and department webhooks', () => {
  const body = JSON.stringify({ a: 1, 名称: '测试' });
  const at = new Date('2026-12-01T02:00:00.000Z');
  const h = signedDeliveryHeaders('secret-0123456789', body, 'd-1', at);
  expect(h['x-gov-timestamp']).toBe('2026-12-01T02:00:00.000Z');
  expect(h['x-gov-delivery-id']).toBe('d-1');
  expect(h['x-gov-signature']).toBe(hmacSm3Hex('secret-0123456789', `2026-12-01T02:00:00.000Z.${body}`));
  expect(h['x-gov-signature']).toBe(webhookSignature('secret-0123456789', h['x-gov-timestamp'], body));
  expect(webhookSignature('other-secret-0123', h['x-gov-timestamp'], body)).not.toBe(h['x-gov-signature']);
});
