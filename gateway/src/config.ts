import { commonConfig, envInt, env } from '@gov/kit';

export function gatewayConfig() {
  return {
    ...commonConfig(),
    port: envInt('PORT', 4000),
    host: env('HOST', '127.0.0.1'),
    maxDepth: envInt('GATEWAY_MAX_DEPTH', 12),
    maxCost: envInt('GATEWAY_MAX_COST', 20000),
    webClientId: env('WEB_CLIENT_ID', 'gov-portal'),
  };
}
export type GatewayConfig = ReturnType<typeof gatewayConfig>;
