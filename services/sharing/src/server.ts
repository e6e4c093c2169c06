import { loadConfig, type SharingConfig } from './config';
import { gradePolicySource, subgraphServer, type GradePolicySource, verifierFor, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import { isValidIdNumber, isValidUscc } from '@gov/masking';
import type { SharingDeps } from './context';
import { approvalActivities } from './activities/approval.activities';
import { calendarActivities } from './activities/calendar.activities';
import { SharingTaskResolver } from './resolvers/task.resolver';
import { ExchangeLoad, ExchangeRecord } from './entities/exchange';
import { ConfidentialityAgreement } from './entities/confidentiality-agreement';
import { ReclassificationRequest } from './entities/reclassification-request';
import { RecordFlag } from './entities/record-flag';
import { RegionSharingSetting } from './entities/region-sharing-setting';
import { ShareGrant } from './entities/grant';
import { ShareApplication } from './entities/share-application';
import { exchangeCipher, type ExchangeCipher } from './domain/protect';
import { startPushes } from './domain/push-trigger';
import { uploadHandler } from './routes/upload.route';
import { exportHandler } from './routes/export.route';
import { startInspectionAfterLoad } from './domain/inspection-trigger';
import { existsHandler } from './routes/exists.route';
import { pushActivities } from './activities/push.activities';
import { reclassificationActivities } from './activities/reclassification.activities';
import { pullActivities } from './activities/pull.activities';
import { PullSource } from './entities/pull-source';
import { PullSourceResolver } from './resolvers/pull.resolver';
import { PushDelivery, PushEndpoint } from './entities/push';
import { migrations } from './migrations';
import { gradePolicy } from './domain/delivery-policy';
import { DeliveryResolver } from './resolvers/delivery.resolver';
import { ShareGrantResolver } from './resolvers/grant.resolver';
import { LoadResolver } from './resolvers/load.resolver';
import { PushResolver } from './resolvers/push.resolver';
import { ReclassificationResolver } from './resolvers/reclassification.resolver';
import { RegionSettingResolver } from './resolvers/region-setting.resolver';
import { references } from './resolvers/references';
import { SharingIndicatorResolver } from './resolvers/indicator.resolver';
import { DepartmentSharingResolver, ShareApplicationResolver } from './resolvers/share-application.resolver';
import { seedSharing } from './seed';
import { SecurityCapabilityCheck } from './entities/security-capability-check';
import { GrantCapabilityResolver, SecurityCapabilityResolver } from './resolvers/capability.resolver';

/** Identifiers whose check digit is verified at load, by item name. */
export const IDENTIFIER_CHECKS = { 公民身份号码: isValidIdNumber, 统一社会信用代码: isValidUscc };

/** One SM4 cipher and one grade-policy cache per process, shared by the GraphQL server and the activity worker. */
let exchange: { cipher: ExchangeCipher; rules: GradePolicySource } | undefined;
function exchangeOf(deps: ServiceDeps<SharingConfig>) {
  return (exchange ??= { cipher: exchangeCipher(deps.config.keyring, deps.config.exchangeKeySecret), rules: gradePolicySource(deps.config) });
}

export async function createServer(deps: ServiceDeps<SharingConfig>): Promise<GraphQLApp> {
  const { cipher, rules } = exchangeOf(deps);
  const policy = gradePolicy(rules, cipher);
  const verify = verifierFor(deps.config);
  const app = await subgraphServer<SharingDeps>(deps, {
    name: 'sharing',
    resolvers: [
      ShareApplicationResolver, DepartmentSharingResolver, ReclassificationResolver, RegionSettingResolver, ShareGrantResolver, DeliveryResolver,
      PushResolver, LoadResolver, PullSourceResolver, SharingIndicatorResolver, SecurityCapabilityResolver, GrantCapabilityResolver, SharingTaskResolver,
    ],
    references,
    context: { ds: deps.ds, temporal: deps.temporal, taskQueuePrefix: deps.taskQueuePrefix, policy, reclassificationOpinionWorkingDays: deps.config.reclassificationOpinionWorkingDays },
  });
  // The streaming bulk upload lives beside /graphql: a GraphQL body cannot stream 100k rows.
  app.app.post('/exchange/resources/:resourceId/records', uploadHandler({
    ds: deps.ds, verify, identifiers: IDENTIFIER_CHECKS, cipher, logger: deps.logger,
    onLoaded: async (resourceId, loadId) => {
      await startInspectionAfterLoad(deps.temporal, deps.taskQueuePrefix, resourceId, loadId, deps.logger);
      return startPushes(deps.ds, deps.temporal, deps.taskQueuePrefix, resourceId, loadId);
    },
  }));
  app.app.get('/internal/exchange/resources/:resourceId/records', exportHandler({ ds: deps.ds, verify, cipher, logger: deps.logger }));
  app.app.post('/internal/exchange/resources/:resourceId/exists', existsHandler({ ds: deps.ds, verify, cipher, logger: deps.logger }));
  return app;
}

export const service: ServiceModule<SharingConfig> = {
  name: 'sharing',
  loadConfig,
  entities: [ShareApplication, ShareGrant, ConfidentialityAgreement, RecordFlag, ReclassificationRequest, RegionSharingSetting, ExchangeLoad, ExchangeRecord, PushEndpoint, PushDelivery, PullSource, SecurityCapabilityCheck],
  migrations,
  createServer,
  activities: (deps) => {
    const { cipher, rules } = exchangeOf(deps);
    return {
      ...approvalActivities(deps.ds), ...reclassificationActivities(deps.ds), ...calendarActivities(deps.ds, deps.temporal), ...pushActivities(deps.ds, deps.config, cipher, rules),
      ...pullActivities(deps.ds, deps.config, cipher, deps.temporal, deps.taskQueuePrefix, IDENTIFIER_CHECKS),
    };
  },
  seed: (ds) => seedSharing(ds, exchangeCipher()),
};
