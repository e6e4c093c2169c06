import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { graphqlRequest } from '@gov/kit';
import { codes, gatewayUrl, gql } from './support';

const ME = 'query Me { me { username roles departmentId regionCode } }';
const CREATE = `mutation Create($input: DataResourceInput!) { createDataResource(input: $input) { id } }`;
const input = {
  code: 'AUTH-CHECK-1', name: '权限检查', category: 'DEPARTMENT', shareType: 'UNCONDITIONAL', openType: 'UNCONDITIONAL',
  sensitivityGrade: 'NONE', items: [{ name: '名称', type: 'STRING', length: 20, sensitive: false }],
};

describe('authentication and roles through the gateway', () => {
  test('no token on a protected field -> UNAUTHENTICATED', async () => {
    const res = await gql(null, ME);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  test('a forged token (right claims, wrong signing key) -> HTTP 401 and UNAUTHENTICATED', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = await exportJWK(publicKey);
    const forged = await new SignJWT({ realm_access: { roles: ['authority'] }, department: '420600-sjj', region: '420600', preferred_username: 'mallory' })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid ?? 'forged' })
      .setIssuer(`http://127.0.0.1:${process.env.KEYCLOAK_PORT ?? 8080}/realms/gov`).setAudience('gov-graph').setSubject('mallory')
      .setIssuedAt().setExpirationTime('5m').sign(privateKey);
    const res = await graphqlRequest(gatewayUrl(), ME, {}, forged);
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  test('a garbage authorization header -> UNAUTHENTICATED', async () => {
    const res = await graphqlRequest(gatewayUrl(), ME, {}, 'not-a-jwt');
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  test('a valid token carries roles, department and region from Keycloak', async () => {
    const res = await gql('county-gaj-admin', ME);
    expect(res.errors).toBeUndefined();
    expect(res.data?.me).toMatchObject({ username: 'county-gaj-admin', departmentId: '420683-gaj', regionCode: '420683' });
    expect(res.data?.me.roles).toContain('dept-admin');
  });

  test.each(['city-assessor', 'city-public', 'city-wjw-user', 'city-authority'] as const)(
    'a valid token without the dept-admin role cannot create catalog entries (%s) -> FORBIDDEN', async (user) => {
      const res = await gql(user, CREATE, { input: { ...input, code: `AUTH-${user}`.toUpperCase() } });
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(res.data).toBeNull();
    });

  test('the public role cannot read the sharing catalog -> FORBIDDEN', async () => {
    const res = await gql('city-public', 'query { dataResources(first: 5) { totalCount } }');
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });
});
