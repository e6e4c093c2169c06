process.env.APOLLO_TELEMETRY_DISABLED = '1';
import { clustered, createLogger } from '@gov/kit';
import { gatewayConfig } from './config';
import { createGateway } from './server';

// GOV_WORKERS > 1: that many gateway processes share the port (kit cluster.ts).
clustered('gateway', createLogger('gateway'), async () => {
  const config = gatewayConfig();
  const app = await createGateway(config);
  const http = await app.listen(config.port, config.host);
  const stop = async () => { await http.close(); await app.stop(); process.exit(0); };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}).catch((e) => { console.error(e); process.exit(1); });
