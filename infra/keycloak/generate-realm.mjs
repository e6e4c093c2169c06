// Writes infra/keycloak/realm.json from infra/demo/org.json, so the realm and the demo catalog name the same
// departments and regions. Run: node infra/keycloak/generate-realm.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const org = JSON.parse(readFileSync(join(here, '../demo/org.json'), 'utf8'));
const ROLES = ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor', 'public'];
const regionPrefix = (r) => (r.level === 'CITY' ? 'city' : 'county');

const attrMapper = (name) => ({
  name, protocol: 'openid-connect', protocolMapper: 'oidc-usermodel-attribute-mapper',
  config: { 'user.attribute': name, 'claim.name': name, 'jsonType.label': 'String',
    'access.token.claim': 'true', 'id.token.claim': 'true', 'userinfo.token.claim': 'true', 'introspection.token.claim': 'true' },
});

const users = [];
for (const region of org.regions) {
  for (const u of org.users) {
    const username = `${regionPrefix(region)}-${u.key}`;
    users.push({
      username, enabled: true, emailVerified: true,
      email: `${username}@demo.gov.example`, firstName: u.first, lastName: u.last,
      attributes: { region: [region.code], ...(u.dept ? { department: [`${region.code}-${u.dept}`] } : {}) },
      credentials: [{ type: 'password', value: org.password, temporary: false }],
      // Not the default role: it carries `public` for self-registered citizens and companies; staff are not public.
      realmRoles: [u.role],
    });
  }
}
for (const c of org.serviceClients) {
  users.push({
    username: `service-account-${c.clientId}`, enabled: true, serviceAccountClientId: c.clientId,
    email: `${c.clientId}@svc.gov.example`, firstName: c.clientId, lastName: 'service',
    attributes: { region: [c.region], department: [`${c.region}-${c.dept}`] },
    realmRoles: [...c.roles],
  });
}

const userProfile = {
  unmanagedAttributePolicy: 'ADMIN_VIEW',
  attributes: [
    // A person registering states these (the registration form shows only what a user may edit); usernames stay fixed afterwards.
    { name: 'username', displayName: '${username}', validations: { length: { min: 3, max: 255 } }, permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] }, multivalued: false },
    { name: 'email', displayName: '${email}', required: { roles: ['user'] }, validations: { email: {}, length: { max: 255 } }, permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] }, multivalued: false },
    { name: 'firstName', displayName: '${firstName}', validations: { length: { max: 255 } }, permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] }, multivalued: false },
    { name: 'lastName', displayName: '${lastName}', validations: { length: { max: 255 } }, permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] }, multivalued: false },
    // Identity claims that authorization depends on: only administrators may change them.
    { name: 'department', displayName: 'Department', permissions: { view: ['admin', 'user'], edit: ['admin'] }, multivalued: false },
    { name: 'region', displayName: 'Region', permissions: { view: ['admin', 'user'], edit: ['admin'] }, multivalued: false },
  ],
  groups: [],
};

const realm = {
  realm: 'gov', enabled: true, displayName: '政务数据资源平台',
  // Citizens and companies register themselves on the open portal (issue 10 §3); the default role makes them `public`.
  sslRequired: 'external', registrationAllowed: true, registrationEmailAsUsername: false, verifyEmail: false, editUsernameAllowed: false, loginWithEmailAllowed: true,
  accessTokenLifespan: 900, ssoSessionIdleTimeout: 1800, bruteForceProtected: true,
  internationalizationEnabled: true, supportedLocales: ['zh-CN', 'en'], defaultLocale: 'zh-CN',
  roles: {
    realm: [
      ...ROLES.map((name) => ({ name, description: `gov platform role: ${name}` })),
      { name: 'service', description: 'machine identity of a platform service (internal APIs only)' },
      // Every user Keycloak creates gets it: a self-registered citizen or company is `public` (003 §26, issue 10 §3).
      { name: 'default-roles-gov', description: 'what every new user gets: the public role', composite: true, composites: { realm: ['public'] } },
    ],
  },
  defaultRole: { name: 'default-roles-gov' },
  clientScopes: [
    {
      name: 'gov-claims', protocol: 'openid-connect', description: 'department and region of the caller, and the graph audience',
      attributes: { 'include.in.token.scope': 'false', 'display.on.consent.screen': 'false' },
      protocolMappers: [
        // The realm import defines its own scopes, so the built-in 'basic' and 'roles' scopes are absent: map sub, username and roles here.
        { name: 'sub', protocol: 'openid-connect', protocolMapper: 'oidc-sub-mapper', config: { 'access.token.claim': 'true', 'introspection.token.claim': 'true' } },
        { name: 'username', protocol: 'openid-connect', protocolMapper: 'oidc-usermodel-attribute-mapper',
          config: { 'user.attribute': 'username', 'claim.name': 'preferred_username', 'jsonType.label': 'String', 'access.token.claim': 'true', 'id.token.claim': 'true', 'userinfo.token.claim': 'true' } },
        { name: 'realm-roles', protocol: 'openid-connect', protocolMapper: 'oidc-usermodel-realm-role-mapper',
          config: { 'claim.name': 'realm_access.roles', 'jsonType.label': 'String', multivalued: 'true', 'access.token.claim': 'true', 'introspection.token.claim': 'true' } },
        attrMapper('department'), attrMapper('region'),
        { name: 'graph-audience', protocol: 'openid-connect', protocolMapper: 'oidc-audience-mapper',
          config: { 'included.custom.audience': 'gov-graph', 'access.token.claim': 'true', 'introspection.token.claim': 'true' } },
      ],
    },
  ],
  defaultDefaultClientScopes: ['gov-claims'],
  clients: [
    { clientId: 'gov-portal', name: 'Front ends (PKCE)', publicClient: true, standardFlowEnabled: true, directAccessGrantsEnabled: false,
      redirectUris: ['http://localhost:*', 'http://127.0.0.1:*'], webOrigins: ['+'],
      attributes: { 'pkce.code.challenge.method': 'S256', 'post.logout.redirect.uris': '+' },
      defaultClientScopes: ['gov-claims'] },
    { clientId: 'gov-cli', name: 'Tests and command line (direct grant)', publicClient: true, standardFlowEnabled: false, directAccessGrantsEnabled: true,
      defaultClientScopes: ['gov-claims'] },
    ...org.serviceClients.map((c) => ({
      clientId: c.clientId, name: c.what, publicClient: false, secret: c.secret, clientAuthenticatorType: 'client-secret',
      serviceAccountsEnabled: true, standardFlowEnabled: false, directAccessGrantsEnabled: false,
      defaultClientScopes: ['gov-claims'],
    })),
  ],
  users,
  components: {
    'org.keycloak.userprofile.UserProfileProvider': [
      { providerId: 'declarative-user-profile', subComponents: {}, config: { 'kc.user.profile.config': [JSON.stringify(userProfile)] } },
    ],
  },
};

writeFileSync(join(here, 'realm.json'), JSON.stringify(realm, null, 2) + '\n');
console.log(`realm.json: ${users.length} users, ${realm.clients.length} clients`);
