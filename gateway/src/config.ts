import { commonConfig, envInt, env } from '@gov/kit';

export function gatewayConfig() {
  return {
    ...commonConfig(),
    port: envInt('PORT', 4000),
    host: env('HOST', '127.0.0.1'),
    maxDepth: envInt('GATEWAY_MAX_DEPTH', 12),
    maxCost: envInt('GATEWAY_MAX_COST', 20000),
    subgraphTimeoutMs: envInt('GATEWAY_SUBGRAPH_TIMEOUT_MS', 30_000),
    maxAliases: envInt('GATEWAY_MAX_ALIASES', 30),
    maxDirectives: envInt('GATEWAY_MAX_DIRECTIVES', 20),
    maxTokens: envInt('GATEWAY_MAX_TOKENS', 5000),
    bodyLimit: env('GATEWAY_BODY_LIMIT', '2mb'),
    /** Browser origins allowed (comma-separated); none by default. */
    corsOrigins: env('GATEWAY_CORS_ORIGINS', '').split(',').map((o) => o.trim()).filter(Boolean),
    /** Requests per client address per minute: all of them, and those without a token (the public surface). */
    rateLimit: {
      windowMs: 60_000, max: envInt('GATEWAY_RATE_LIMIT_PER_MINUTE', 6000), anonymousMax: envInt('GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE', 600),
    },
    /** Express "trust proxy": the hops in front of the gateway (an ingress = 1) so the client address is the real one. */
    trustProxy: envInt('GATEWAY_TRUST_PROXY_HOPS', 0),
  };
}
export type GatewayConfig = ReturnType<typeof gatewayConfig>;
