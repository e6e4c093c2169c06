import { ApolloProvider } from '@apollo/client';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { createApollo } from './apollo';
import { App } from './App';
import { AuthProvider, createUserManager, type WebConfig } from './auth';

async function boot() {
  const cfg = (await (await fetch('/web-config.json')).json()) as WebConfig;
  const manager = createUserManager(cfg);
  if (window.location.pathname === '/callback') {
    const params = new URLSearchParams(window.location.search);
    // The same page answers the login redirect and the silent renew (which runs in a hidden frame).
    if (window.parent !== window) { await manager.signinSilentCallback(); return; }
    if (params.has('code') || params.has('error')) {
      const user = await manager.signinRedirectCallback().catch((e: Error) => { console.error(e); return null; });
      window.history.replaceState(null, '', typeof user?.state === 'string' ? user.state : '/console');
    }
  }
  createRoot(document.getElementById('root')!).render(
    <AuthProvider manager={manager}>
      <ApolloProvider client={createApollo(manager)}>
        <BrowserRouter><App /></BrowserRouter>
      </ApolloProvider>
    </AuthProvider>,
  );
}
void boot();
