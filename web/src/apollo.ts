import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import type { UserManager } from 'oidc-client-ts';

/** One client for the one graph; the access token (renewed silently) goes with every operation. */
export function createApollo(manager: UserManager) {
  const http = new HttpLink({
    uri: '/graphql',
    fetch: async (input, init) => {
      const user = await manager.getUser();
      const headers = new Headers(init?.headers);
      if (user && !user.expired) headers.set('authorization', `Bearer ${user.access_token}`);
      return fetch(input, { ...init, headers });
    },
  });
  return new ApolloClient({
    link: http,
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'all' }, query: { errorPolicy: 'all' } },
  });
}
