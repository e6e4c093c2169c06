process.env.APOLLO_TELEMETRY_DISABLED = '1';
import { gatewayConfig } from './config';
import { createGateway } from './server';

(async () => {
  const config = gatewayConfig();
  const app = await createGateway(config);
  const http = await app.listen(config.port, config.host);
  const stop = async () => { await http.close(); await app.stop(); process.exit(0); };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
})().catch((e) => { console.error(e); process.exit(1); });
