import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run -w web dev` proxies the graph and the login configuration to a running gateway (npm start).
const gateway = process.env.GATEWAY_ORIGIN ?? 'http://127.0.0.1:4000';
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // No manual chunks: what only the console's lazy pages use stays out of the portal's first load.
  },
  server: { proxy: { '/graphql': gateway, '/web-config.json': gateway } },
});
