// Login through Keycloak with PKCE (oidc-client-ts, the realm's public client gov-portal); tokens are renewed silently
// with the refresh token before they expire; logout ends the Keycloak session too.
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export interface WebConfig { authority: string; clientId: string; tokenEndpoint: string }

export function createUserManager(cfg: WebConfig): UserManager {
  const origin = window.location.origin;
  const oidc = `${cfg.authority}/protocol/openid-connect`;
  return new UserManager({
    authority: cfg.authority,
    // The browser goes to Keycloak for login and logout; the code exchange and refresh go through the gateway.
    metadata: {
      issuer: cfg.authority, authorization_endpoint: `${oidc}/auth`, token_endpoint: new URL(cfg.tokenEndpoint, origin).href,
      end_session_endpoint: `${oidc}/logout`, userinfo_endpoint: `${oidc}/userinfo`, jwks_uri: `${oidc}/certs`,
    },
    client_id: cfg.clientId,
    redirect_uri: `${origin}/callback`,
    silent_redirect_uri: `${origin}/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

interface Auth { user: User | null; login: (returnTo?: string) => Promise<void>; logout: () => Promise<void>; manager: UserManager }
const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  useEffect(() => {
    void manager.getUser().then((u) => setUser(u && !u.expired ? u : null));
    const loaded = (u: User) => setUser(u);
    const gone = () => setUser(null);
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(gone);
    manager.events.addSilentRenewError(gone);
    return () => { manager.events.removeUserLoaded(loaded); manager.events.removeUserUnloaded(gone); manager.events.removeSilentRenewError(gone); };
  }, [manager]);
  const value: Auth = {
    user, manager,
    login: (returnTo) => manager.signinRedirect({ state: returnTo ?? window.location.pathname + window.location.search }),
    logout: async () => { const u = await manager.getUser(); await manager.removeUser(); await manager.signoutRedirect({ id_token_hint: u?.id_token }); },
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const a = useContext(AuthContext);
  if (!a) throw new Error('useAuth outside AuthProvider');
  return a;
}
