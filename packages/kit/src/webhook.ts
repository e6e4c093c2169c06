// The platform's one way to sign an outgoing HTTP delivery (sharing's PUSH, security's department webhooks): the
// receiver recomputes HMAC-SM3 with its secret over `<x-gov-timestamp>.<body>` and compares it to x-gov-signature.
import { hmacSm3Hex } from '@gov/gm-crypto';

export const WEBHOOK_HEADERS = {
  timestamp: 'x-gov-timestamp',
  signature: 'x-gov-signature',
  /** The same on every attempt of one delivery: the receiver drops a duplicate by it. */
  deliveryId: 'x-gov-delivery-id',
  idempotencyKey: 'idempotency-key',
} as const;

/** HMAC-SM3 (GB/T 32905 + RFC 2104) with `secret` over `<timestamp>.<body>`, lower-case hex. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return hmacSm3Hex(secret, `${timestamp}.${body}`);
}

/** The signed headers of one POST of `body` (timestamp = now, ISO 8601). */
export function signedDeliveryHeaders(secret: string, body: string, deliveryId: string, at = new Date()): Record<string, string> {
  const timestamp = at.toISOString();
  return {
    'content-type': 'application/json',
    [WEBHOOK_HEADERS.deliveryId]: deliveryId,
    [WEBHOOK_HEADERS.timestamp]: timestamp,
    [WEBHOOK_HEADERS.signature]: webhookSignature(secret, timestamp, body),
  };
}
