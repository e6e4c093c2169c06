// The authorization matrix: for every query and mutation of the supergraph, who passes the role gate and which
// department/region scope applies to the object it acts on. This file is the *expected* side, written from
// DOMAIN.md; the resolvers enforce it with kit's one helper family (`@Authorized` via kit's authChecker, then
// `canAccessDepartment`/`assertDepartmentAccess` for scope). `test/authz-matrix.int.test.ts` walks every cell against
// the running graph with real Keycloak tokens, and `docs/authorization-matrix.md` is generated from this file
// (`node gateway/dist/authz/document.js`). A root field of the supergraph without an entry here fails the tests.
import { ROLES as HUMAN_ROLES, type HumanRole } from '@gov/kit';

export { HUMAN_ROLES, type HumanRole };
/** Who can call: a human role, a machine identity of the platform (`service`), or nobody logged in. */
export type Caller = HumanRole | 'service' | 'anonymous';
export const CALLERS: readonly Caller[] = [...HUMAN_ROLES, 'service', 'anonymous'];

/**
 * How the caller relates to the department owning the object an operation acts on:
 * own department; another department of the caller's own region; a department of the other level (a city caller
 * and a county object, or a county caller and a city object).
 */
export const RELATIONS = ['own-dept', 'other-dept', 'other-level'] as const;
export type Relation = (typeof RELATIONS)[number];
export type Level = 'city' | 'county';

/**
 * Object scope applied after the role gate (names follow kit/auth.ts):
 * - `none`: the operation acts on nothing owned by a department other than the caller's own (creates in the
 *   caller's department, reads reference data, or lists filtered to what the caller may see).
 * - `department-read`: kit `canAccessDepartment(user, owner, 'read')` — own department; authority / platform
 *   operator / assessor of a covering region (a city covers its counties, never the reverse).
 * - `oversight-read`: own department; authority and assessor of a covering region (supervision without operation,
 *   e.g. digital projects: 001 临湘项目办法).
 * - `department-write`: `canAccessDepartment(..., 'write')` — as read, without assessors.
 * - `owner-only`: only the owning department (e.g. 000 §9: a department compiles its own catalog).
 * - `covering-region`: any allowed role whose region covers the object's region.
 * - `project-party`: the party the decided step names (001 临湘项目办法 §11-17, §26) — the authority of a covering region,
 *   or a decider of the project region's development-reform / finance department (`<region>-fgw` / `<region>-czj`,
 *   configured). No matrix player belongs to those two departments: their steps are walked in `test/projects.int.test.ts`.
 */
export type Scope = 'none' | 'department-read' | 'oversight-read' | 'department-write' | 'owner-only' | 'covering-region' | 'project-party';

export interface OperationRule {
  /** Callers that pass the role gate. Everyone else gets FORBIDDEN (UNAUTHENTICATED when anonymous). */
  allow: readonly Caller[];
  scope: Scope;
  /** What the rule is, with its article, for the generated document. */
  note: string;
  /** Variables for the role-gate walk when the generated sample values would not reach the resolver. */
  vars?: Record<string, unknown>;
  /** Only callers at these levels pass the gate (platform-wide settings: the city); default both. */
  levels?: readonly Level[];
}

const STAFF: readonly Caller[] = ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor', 'service'];
const EVERYONE: readonly Caller[] = CALLERS;
const LOGGED_IN: readonly Caller[] = CALLERS.filter((c) => c !== 'anonymous');

export const MATRIX: Record<string, OperationRule> = {
  // ── catalog ───────────────────────────────────────────────────────────────────────────────────────────────────
  'Query.regions': { allow: EVERYONE, scope: 'none', note: 'reference data (GB/T 2260 regions)' },
  'Query.departments': { allow: EVERYONE, scope: 'none', note: 'reference data: the departments of a region' },
  'Query.department': { allow: EVERYONE, scope: 'none', note: 'reference data: one department' },
  'Query.me': { allow: LOGGED_IN, scope: 'none', note: "the caller's own identity, department and region" },
  'Query.dataResource': {
    allow: STAFF, scope: 'department-read',
    note: 'drafts and NOT_SHARED entries: own department, authority/operator/assessor of a covering region; published shareable entries: every department of the region and, for a county, the city (000 §17)',
  },
  'Query.dataResources': { allow: STAFF, scope: 'none', note: 'filtered to what the caller may read (same rule as dataResource)' },
  'Mutation.createDataResource': { allow: ['dept-admin'], scope: 'none', note: "a department's data administrator compiles its own catalog (002 §2)" },
  'Mutation.updateDataResource': { allow: ['dept-admin'], scope: 'owner-only', note: 'drafts only; a published entry changes through a change request (000 §9)' },
  'Mutation.submitDataResource': { allow: ['dept-admin'], scope: 'owner-only', note: 'the providing department submits its draft for review' },
  'Mutation.reviewDataResource': { allow: ['authority'], scope: 'covering-region', note: 'the authority of the region (or its city) reviews catalog entries' },
  // catalog, issue 3: search, versions and changes, retirement, mounting, inventory, three lists, spreadsheets
  'Query.dataResourceFacets': { allow: STAFF, scope: 'none', note: 'facet counts over what the caller may read (same rule as dataResources)' },
  'Query.negativeList': { allow: STAFF, scope: 'none', note: 'published NOT_SHARED entries with their basis, filtered like dataResources (000 §4, 004 §7)' },
  'Query.dataResourceVersions': { allow: STAFF, scope: 'department-read', note: 'as dataResource: every published version stays queryable (000 §9)' },
  'Query.dataResourceDiff': { allow: STAFF, scope: 'department-read', note: 'as dataResource: field-level diff between two published versions (000 §9)' },
  'Query.changeRequests': { allow: STAFF, scope: 'none', note: "filtered to the caller's department or overseen region" },
  'Mutation.requestDataResourceChange': { allow: ['dept-admin'], scope: 'owner-only', note: 'a published entry changes only by a request with its basis, from its own department (000 §9, 004 §9)' },
  'Mutation.reviewDataResourceChange': { allow: ['authority'], scope: 'covering-region', note: 'the authority of the region (or its city) reviews change requests (000 §9)' },
  'Mutation.retireDataResource': { allow: ['dept-admin', 'authority'], scope: 'department-write', note: 'the owning department, or the authority over its region, retires a published entry' },
  'Mutation.mountDataResource': { allow: ['dept-admin'], scope: 'owner-only', note: 'the providing department mounts its published entry (000 §13)' },
  'Mutation.declareOutage': { allow: ['dept-admin'], scope: 'owner-only', note: 'the provider declares an outage with an alternative (000 §18)' },
  'Mutation.endOutage': { allow: ['dept-admin'], scope: 'owner-only', note: 'the provider ends its declared outage' },
  'Mutation.reportMountHealth': { allow: ['platform-operator', 'service'], scope: 'department-write', note: 'the platform of a covering region records mount health' },
  'Mutation.registerInformationSystem': { allow: ['dept-admin'], scope: 'none', note: "adds to the caller's own department inventory (002 §2(3))" },
  'Query.informationSystems': { allow: STAFF, scope: 'department-read', note: 'a department inventory: own department, oversight of a covering region' },
  'Query.catalogCoverage': { allow: STAFF, scope: 'department-read', note: 'per department as informationSystems; per region: authority/operator/assessor of a covering region' },
  'Mutation.publishResponsibilityItem': { allow: ['authority'], scope: 'covering-region', note: 'the authority publishes responsibility lists (000 §4,7)' },
  'Mutation.linkResponsibilityItem': { allow: ['dept-admin'], scope: 'owner-only', note: 'the listed department names the entry that answers a line' },
  'Query.responsibilityList': { allow: STAFF, scope: 'none', note: 'published lists: staff of the region, its city and its counties' },
  'Mutation.raiseDemand': { allow: ['dept-admin', 'dept-user'], scope: 'none', note: "a department's demand-list entry to a holder of the region or its city (000 §17)" },
  'Query.demand': { allow: STAFF, scope: 'department-read', note: 'the two departments; authority/operator/assessor of a covering region' },
  'Query.demands': { allow: STAFF, scope: 'none', note: 'filtered to demands the caller is party to or oversees' },
  'Mutation.postDemandMessage': { allow: ['dept-admin', 'dept-user'], scope: 'owner-only', note: "the two departments negotiate; the holder's data administrator answers (000 §17)" },
  'Mutation.concludeDemandNegotiation': { allow: ['dept-admin'], scope: 'owner-only', note: "either department's data administrator records agreement or disagreement (000 §17)" },
  'Mutation.arbitrateDemand': { allow: ['authority'], scope: 'covering-region', note: "the authority over the holder's region settles or refers to the city government (000 §17)" },
  'Mutation.fulfilDemand': { allow: ['dept-admin'], scope: 'owner-only', note: 'the holder closes an agreed demand with its published, mounted entry' },
  'Mutation.exportCatalog': { allow: STAFF, scope: 'none', note: "a department's catalog as XLSX/CSV, filtered to what the caller may read; audited (004 §33)" },
  'Query.catalogTemplate': { allow: LOGGED_IN, scope: 'none', note: 'the empty import template' },
  'Mutation.importCatalog': { allow: ['dept-admin'], scope: 'none', note: "imports drafts into the caller's own department; audited" },
  'Mutation.recordFunctionChange': { allow: ['dept-admin'], scope: 'owner-only', note: '004 §9: the providing department records a law/function/system change of its entry; the change request is due within 15 working days' },
  'Query.functionChanges': { allow: STAFF, scope: 'none', note: "filtered to the caller's department or the regions it oversees; OVERDUE ones were escalated (004 §9)" },
  'Query.workingCalendar': { allow: EVERYONE, scope: 'none', note: "reference data: a year's official working-day calendar in force (issue 14)" },
  'Query.workingCalendarVersions': { allow: EVERYONE, scope: 'none', note: "reference data: every loaded version of a year's calendar" },
  'Query.officialCalendars': { allow: EVERYONE, scope: 'none', note: 'reference data: the calendar in force of every loaded year (each service counts deadlines on it)' },
  'Query.myTasks': { allow: STAFF, scope: 'none', note: "待办: gathered from each subgraph's pending list asked as the caller, so each applies its own rules (issue 14)" },
  'Query.catalogPendingTasks': { allow: STAFF, scope: 'none', note: "entries, change requests and disputed demands waiting on the authority of a covering region; demands to answer and change requests due after a function change waiting on the department's administrator" },
  'Query.sharingPendingTasks': { allow: STAFF, scope: 'none', note: "approval steps the caller may decide (the provider department's deciders, the authority, the operator of a covering region)" },
  'Query.qualityPendingTasks': { allow: STAFF, scope: 'none', note: "issues the caller's department must fix; fixed ones the operator of a covering region verifies" },
  'Query.openDataPendingTasks': { allow: STAFF, scope: 'none', note: "applications and complaints waiting on the caller's (publisher) department" },
  'Query.projectsPendingTasks': { allow: STAFF, scope: 'none', note: 'the digital-project step waiting on the caller: the authority of a covering region, the region\'s development-reform / finance deciders, the owner department\'s administrator, the big-data centre (issue 14)' },
  'Query.securityPendingTasks': { allow: STAFF, scope: 'none', note: "emergency drills of the caller's own department due within 30 days or overdue, for its administrator (issue 14)" },
  'Query.assessmentPendingTasks': { allow: STAFF, scope: 'none', note: "last year's self-assessment while the caller's own department has not filed it, for its administrator (issue 14)" },
  'Query.myDoneTasks': { allow: STAFF, scope: 'none', note: "已办: the items the caller completed (MINE), or its own department's (DEPARTMENT: the department administrator; an authority: the departments of its covered region, a county never a city) (issue 14)" },
  'Mutation.loadOfficialCalendar': {
    allow: ['authority'], scope: 'none', levels: ['city'], note: "the city authority loads the State Council's schedule; a county uses the city's; versioned, audited",
    vars: { input: { year: 2099, holidays: ['2099-01-01'], workdays: [], basis: '授权矩阵测试：虚构的2099年安排' } },
  },
  'Mutation.applyReclassification': { allow: ['service'], scope: 'none', note: "service-only: sharing applies the authority's reclassification decision as a RECLASSIFIED change request (001 §21, 000 §9)" },
  // ── sharing ───────────────────────────────────────────────────────────────────────────────────────────────────
  'Query.shareApplication': { allow: STAFF, scope: 'department-read', note: 'consumer and provider departments, authority/operator/assessor of a covering region' },
  'Query.shareApplications': { allow: STAFF, scope: 'none', note: 'filtered to applications of the caller’s department or covered region' },
  'Mutation.createShareApplication': { allow: ['dept-user', 'dept-admin'], scope: 'none', note: 'a department applies for shared data for a declared scenario (000 §17)' },
  'Mutation.withdrawShareApplication': { allow: ['dept-user', 'dept-admin'], scope: 'owner-only', note: 'only the applying department withdraws' },
  'Mutation.submitShareApplication': { allow: ['dept-user', 'dept-admin'], scope: 'owner-only', note: 'the applying department submits its draft; the approval workflow starts once (000 §17)' },
  'Mutation.decideShareApplication': {
    allow: ['authority', 'platform-operator', 'dept-admin', 'dept-approver'], scope: 'department-write',
    note: 'owner = the provider; the open step only: the provider department accepts (5 working days) and delivers (1); the platform operator of a region covering the provider files (1); the authority of a region covering the provider reviews a county request for city data, arbitrates and, covering both sides, decides under whole authorisation (2); the consumer\'s county bureau accepts its county\'s request for city data first. No other department (000 §17, 004 §22-23, 001 §21)',
  },
  'Mutation.disputeShareApplication': { allow: ['dept-user', 'dept-admin'], scope: 'owner-only', note: 'the applying department disputes a rejection; the authority arbitrates (001 §21)' },
  'Mutation.setWholeAuthorisation': { allow: ['authority'], scope: 'none', note: "the authority switches its own region's whole authorisation (004 §22-23)" },
  'Mutation.requestReclassification': { allow: ['dept-user', 'dept-admin'], scope: 'none', note: 'a department asks the authority to reclassify a NOT_SHARED resource (001 §21)' },
  'Query.reclassificationRequests': { allow: STAFF, scope: 'none', note: 'filtered to requests of the caller’s department (requester or provider) or of a region covering the provider (001 §21)' },
  'Mutation.giveReclassificationOpinion': { allow: ['dept-admin', 'dept-approver'], scope: 'owner-only', note: "owner = the provider: its opinion on reclassifying its NOT_SHARED resource, within RECLASSIFICATION_OPINION_WORKING_DAYS (001 §21)" },
  'Mutation.decideReclassification': { allow: ['authority'], scope: 'covering-region', note: "owner = the provider: the authority of a covering region decides after the provider's opinion or its deadline; an approval changes the catalog entry through a reviewed change (001 §21)" },
  'Mutation.subscribeToResource': { allow: ['dept-user', 'dept-admin'], scope: 'none', note: 'UNCONDITIONAL resources: a grant at once, audited (000 §16)' },
  'Mutation.revokeShareGrant': {
    allow: ['dept-admin', 'dept-approver', 'authority'], scope: 'department-write',
    note: "owner = the provider: its data administrator or approver, or the authority of a region covering it, revokes a grant; never the consumer (000 §18)",
  },
  'Mutation.signConfidentialityAgreement': { allow: ['dept-user', 'dept-admin'], scope: 'owner-only', note: 'the consumer department of the grant signs before the first delivery (000 §24)' },
  'Mutation.declareSecurityCapability': { allow: ['dept-user', 'dept-admin'], scope: 'owner-only', note: "the consumer department of the grant declares its security measures before the first delivery (000 §24 使用部门安全保障能力)" },
  'Mutation.confirmSecurityCapability': { allow: ['dept-admin', 'dept-approver', 'platform-operator'], scope: 'department-write', note: "owner = the provider: it, or the platform operator of a covering region, confirms the consumer's measures (000 §24)" },
  'Mutation.registerPushEndpoint': { allow: ['dept-user', 'dept-admin'], scope: 'owner-only', note: 'PUSH: the consumer department of an active PUSH grant names its signed-delivery endpoint' },
  'Mutation.configureScheduledPull': { allow: ['dept-admin'], scope: 'owner-only', note: "the providing department schedules the pull of its own table into the exchange (the resource's update cycle)" },
  'Mutation.flagRecord': { allow: ['dept-user', 'dept-admin'], scope: 'owner-only', note: 'the consumer department of an active grant flags a doubtful record to the provider (001 §24, 004 §24)' },
  'Query.shareGrant': { allow: STAFF, scope: 'department-read', note: 'consumer and provider departments, authority/operator/assessor of a covering region' },
  'Query.shareGrants': { allow: STAFF, scope: 'none', note: 'filtered to grants of the caller’s department or covered region' },
  'Query.verifyRecord': { allow: ['dept-user', 'dept-admin'], scope: 'owner-only', note: 'VERIFY: only the consumer department of an active, signed grant; match / no match, no record data (004 §23)' },
  'Query.grantedRecords': { allow: ['dept-user', 'dept-admin'], scope: 'owner-only', note: 'QUERY: only the consumer department of an active, signed QUERY grant; granted items only, treated by the grade policy' },
  'Query.recordFlags': { allow: STAFF, scope: 'none', note: 'flags on records of the caller’s department (as provider or consumer)' },
  'Query.exchangeLoad': { allow: STAFF, scope: 'department-read', note: 'a bulk load of the exchange: the providing department, authority/operator/assessor of a covering region' },
  // ── open data ─────────────────────────────────────────────────────────────────────────────────────────────────
  'Query.openDataset': { allow: EVERYONE, scope: 'none', note: 'published open data is public; drafts only to their department (000 §20)' },
  'Query.openDatasets': { allow: EVERYONE, scope: 'none', note: "published datasets for everyone; drafts filtered like openDataset; a city's catalog rolls up its counties' (003 §19)" },
  'Query.openDataFacts': { allow: ['service'], scope: 'none', note: "service-only: open data's facts of publisher departments for the assessment run: datasets, downloads and API use, complaints and feedback answered in 10 working days (003 §17, §24, §37)" },
  'Query.openDatasetFacets': { allow: EVERYONE, scope: 'none', note: 'region and theme counts of the datasets the caller may see (003 §19)' },
  'Mutation.applyForOpenData': { allow: ['public'], scope: 'none', note: 'a registered public user applies for conditionally open data (000 §21, 003 §26)' },
  'Mutation.decideOpenDataApplication': {
    allow: ['dept-admin', 'dept-approver'], scope: 'owner-only', note: 'the publisher department decides within 7 working days; a refusal gives reasons (000 §21)',
  },
  'Query.openDataApplication': { allow: LOGGED_IN, scope: 'department-read', note: "the applicant, or a reader of the publisher department's business" },
  'Query.openDataApplications': { allow: LOGGED_IN, scope: 'none', note: "a public user's own applications; a department's; covering oversight (filtered)" },
  'Mutation.recordOpenDataUse': { allow: ['public'], scope: 'none', note: 'the approved applicant records its use of conditionally open data (003 §16); others FORBIDDEN' },
  'Mutation.fileOpenDataRiskReport': { allow: ['public'], scope: 'none', note: 'the approved applicant files its periodic risk report to the publisher (003 §25); others FORBIDDEN' },
  'Mutation.suspendOpenDataAccess': {
    allow: ['dept-admin', 'dept-approver'], scope: 'owner-only', note: "the publisher suspends an applicant's access once its risk report is overdue (003 §35)",
  },
  'Mutation.restoreOpenDataAccess': {
    allow: ['dept-admin', 'dept-approver'], scope: 'owner-only', note: 'the publisher restores the access once a risk report shows the rectification (003 §35)',
  },
  'Query.openDataUseReports': { allow: LOGGED_IN, scope: 'department-read', note: "an application's use records and risk reports: the applicant, or a reader of the publisher department's business" },
  'Mutation.complainAboutOpenDataset': { allow: ['public'], scope: 'none', note: 'a registered public user complains of privacy or a trade secret (003 §17)' },
  'Mutation.giveOpenDataFeedback': { allow: ['public'], scope: 'none', note: 'a registered public user gives feedback on a dataset (003 §24)' },
  'Mutation.suspendOpenDatasetOnComplaint': {
    allow: ['dept-admin', 'dept-approver'], scope: 'owner-only', note: 'the publisher suspends a complained-of dataset at once (003 §17)',
  },
  'Mutation.answerOpenDataCase': {
    allow: ['dept-admin', 'dept-approver'], scope: 'owner-only', note: 'the publisher answers a complaint or feedback within 10 working days (003 §17, §24)',
  },
  'Query.openDataCase': { allow: LOGGED_IN, scope: 'department-read', note: "the submitter, or a reader of the publisher department's business" },
  'Query.openDataCases': { allow: LOGGED_IN, scope: 'none', note: "a public user's own cases; a department's; covering oversight (filtered)" },
  'Mutation.submitShowcase': { allow: ['public'], scope: 'none', note: 'a public user submits an application built on open data (003 §29)' },
  'Mutation.reviewShowcase': { allow: ['platform-operator'], scope: 'none', note: 'the platform operator reviews a case before display (003 §29)' },
  'Mutation.featureShowcase': { allow: ['authority'], scope: 'none', note: 'the authority features an approved case (003 §29)' },
  'Query.showcases': { allow: EVERYONE, scope: 'none', note: "approved cases for anyone; the queue for the operator and the authority; a submitter's own" },
  'Mutation.raiseOpenDataDemand': { allow: ['public'], scope: 'none', note: 'a public user asks for data not yet open (003 §19)' },
  'Mutation.supportOpenDataDemand': { allow: ['public'], scope: 'none', note: 'another user asks for the same data: counted once per user (003 §19)' },
  'Mutation.reviewOpenDataDemand': { allow: ['authority'], scope: 'covering-region', note: 'the authority of a covering region reviews a demand or a reconsideration (003 §19, 001 §28)' },
  'Mutation.reconsiderOpenDataDemand': { allow: ['public'], scope: 'none', note: 'the requester of a refused demand asks for reconsideration (001 §28)' },
  'Query.openDataDemands': { allow: EVERYONE, scope: 'none', note: 'public demands, most requested first, requesters not shown' },
  'Query.openDatasetRecords': { allow: EVERYONE, scope: 'none', note: 'data API pages: UNCONDITIONAL for anyone; CONDITIONAL only to an approved applicant (000 §21, 003 §22)' },
  'Mutation.createOpenDataApiKey': { allow: ['public'], scope: 'none', note: 'a public user creates a personal API key for the data API' },
  'Mutation.revokeOpenDataApiKey': { allow: ['public'], scope: 'none', note: 'the owner revokes a key (others: FORBIDDEN)' },
  'Query.myOpenDataApiKeys': { allow: ['public'], scope: 'none', note: "the caller's own API keys" },
  'Query.openDatasetFile': { allow: EVERYONE, scope: 'none', note: 'UNCONDITIONAL open data as a file for anyone, de-identified for the open use; conditional data never (000 §20, 003 §22-23)' },
  'Mutation.createOpenDataset': { allow: ['dept-admin'], scope: 'none', note: 'a department prepares an open dataset' },
  'Mutation.publishOpenDataset': { allow: ['dept-admin'], scope: 'owner-only', note: 'the providing department publishes its dataset' },
  // ── quality ───────────────────────────────────────────────────────────────────────────────────────────────────
  'Query.catalogIndicators': { allow: ['service'], scope: 'none', note: "service-only: catalog's facts of departments (one call per run for a region) for the assessment run (000 §28, 004 §9)" },
  'Query.sharingIndicators': { allow: ['service'], scope: 'none', note: "service-only: sharing's facts of provider departments (one call per run for a region) for the assessment run: answers, refusals, deliveries, escalations (000 §17, §28)" },
  'Mutation.reportFlaggedRecord': { allow: ['service'], scope: 'none', note: 'service-only: sharing opens the quality issue of a record a consumer flagged (004 §24)' },
  'Query.qualityIssue': { allow: STAFF, scope: 'department-read', note: 'source department, reporter, authority/operator/assessor of a covering region' },
  'Query.qualityIssues': { allow: STAFF, scope: 'none', note: 'filtered to the caller’s department or covered region' },
  'Mutation.reportQualityIssue': { allow: ['platform-operator', 'dept-user', 'dept-admin'], scope: 'none', note: 'inspections and consumers report doubtful data (000 §14, 004 §24)' },
  'Mutation.resolveQualityIssue': { allow: ['dept-admin'], scope: 'owner-only', note: 'the source department explains or fixes ("one source per datum", 000 §14)' },
  'Mutation.verifyQualityIssue': { allow: ['platform-operator'], scope: 'covering-region', note: 'the platform verifies a fix no rule can re-check: VERIFIED, or REOPENED with a new deadline (000 §14)' },
  'Query.qualityRules': { allow: STAFF, scope: 'department-read', note: "a resource's rules: its source department, authority/operator/assessor of a covering region" },
  'Mutation.defineQualityRule': { allow: ['platform-operator', 'dept-admin'], scope: 'department-write', note: 'the operator of a covering region, or the source department for its own resource, writes a rule version (000 §14)' },
  'Mutation.runQualityInspection': { allow: ['platform-operator', 'dept-admin'], scope: 'department-write', note: 'inspect now over the exchange records (000 §14)' },
  'Mutation.scheduleQualityInspection': { allow: ['platform-operator', 'dept-admin'], scope: 'department-write', note: 'a Temporal schedule per resource following its update cycle (000 §14)' },
  'Query.inspectionRuns': { allow: STAFF, scope: 'department-read', note: 'the quality trend of a resource' },
  'Query.inspectionRun': { allow: STAFF, scope: 'department-read', note: 'one run with its counts per rule' },
  'Query.inspectionFailures': { allow: STAFF, scope: 'department-read', note: 'failing record ids (never values), audited (004 §33)' },
  'Query.qualityIndicators': { allow: STAFF, scope: 'none', note: 'filtered to the caller’s department or covered region; what assessment reads (000 §28)' },
  'Query.qualityFacts': { allow: ['service'], scope: 'none', note: "service-only: quality's facts of departments for the assessment run: fixed in time, reopened, updated on cycle, objections handled (000 §14, §26, §28)" },
  'Query.dataSuspension': { allow: STAFF, scope: 'none', note: 'metadata: whether an objection holds a resource suspended (000 §26)' },
  'Mutation.fileObjection': { allow: ['public', 'authority'], scope: 'none', note: 'a citizen or organisation objects (000 §26); the authority records a paper objection for a region it covers' },
  'Mutation.suspendObjectedData': { allow: ['authority'], scope: 'covering-region', note: 'the authority orders the suspension at once (000 §26)' },
  'Mutation.decideObjection': { allow: ['dept-admin'], scope: 'owner-only', note: 'the source department verifies, then withdraws, fixes or restores (000 §26)' },
  'Mutation.answerObjection': { allow: ['authority'], scope: 'covering-region', note: 'the authority answers the objector (000 §26)' },
  'Query.objection': { allow: ['public', ...STAFF], scope: 'department-read', note: 'its objector, the source department, authority/operator/assessor of a covering region' },
  'Query.objections': { allow: ['public', ...STAFF], scope: 'none', note: 'a citizen: its own; staff: its department or covered region' },
  // ── security ──────────────────────────────────────────────────────────────────────────────────────────────────
  'Query.auditRecord': { allow: ['authority', 'platform-operator'], scope: 'covering-region', note: 'audit log readers of a covering region (004 §33)' },
  'Query.auditRecords': { allow: ['authority', 'platform-operator'], scope: 'none', note: 'filtered to the covered region' },
  'Query.verifyAuditChain': { allow: ['authority', 'platform-operator'], scope: 'none', note: 'tamper evidence of the SM3 chain (000 §25)' },
  'Mutation.appendAuditRecord': { allow: ['service'], scope: 'none', note: 'machine identities of the platform only; people never write audit records' },
  'Query.myNotifications': { allow: LOGGED_IN, scope: 'none', note: "the caller's inbox (a public applicant's too): notices addressed to the caller by name or to a role the caller holds in its own department or region (a county user never sees a city notice); audited read (issue 14)" },
  'Mutation.markNotificationsRead': { allow: LOGGED_IN, scope: 'none', note: "marks the caller's own notices read (per user; others' ids are ignored, idempotent); audited", vars: { ids: [] } },
  'Mutation.registerDepartmentWebhook': { allow: ['dept-admin', 'authority', 'platform-operator'], scope: 'none', note: "the data administrator (or the authority / platform operator, for its own department) registers a webhook of its own department (http(s), no credentials in the URL; kinds filter; secret generated and shown once, or supplied); its notices are POSTed signed like PUSH; includeRegionNotices (authority / platform operator only) adds the notices addressed to its role in its own region; audited (issue 14)", vars: { input: { url: 'https://oa.authz.invalid/notices' } } },
  'Query.departmentWebhooks': { allow: ['dept-admin', 'authority', 'platform-operator'], scope: 'none', note: "the webhooks of the caller's own department, or for the authority / platform operator those of the departments of the regions it covers (a county never sees a city's); audited" },
  'Mutation.disableDepartmentWebhook': { allow: ['dept-admin', 'authority', 'platform-operator'], scope: 'owner-only', note: "its own department's webhook is disabled (pending deliveries cancelled); audited" },
  'Mutation.enableDepartmentWebhook': { allow: ['dept-admin', 'authority', 'platform-operator'], scope: 'owner-only', note: "its own department's disabled webhook is enabled again (the notices from then on are delivered); audited (issue 14)" },
  'Mutation.removeDepartmentWebhook': { allow: ['dept-admin', 'authority', 'platform-operator'], scope: 'owner-only', note: "its own department's webhook is removed with its deliveries; audited" },
  'Query.webhookDeliveries': { allow: ['dept-admin', 'authority', 'platform-operator'], scope: 'department-read', note: "the deliveries of a webhook (status, attempts, last error, response code): its department, the authority / platform operator of a covering region; kept 90 days once delivered or failed (WEBHOOK_DELIVERY_RETENTION_DAYS); audited" },
  'Mutation.appendAuditRecords': { allow: ['service'], scope: 'none', note: 'the audit relays of the subgraphs (transactional outbox): batches in source order, deduplicated on the source-chosen record id' },
  'Query.exportAuditRecords': { allow: ['authority', 'platform-operator'], scope: 'none', note: 'CSV/XLSX of the filtered records of the covered region; the export itself is audited (004 §33)' },
  'Query.gradePolicy': { allow: ['authority', 'platform-operator', 'service'], scope: 'none', note: 'the grade policy sharing and open-data apply at delivery (000 §24-25)' },
  'Mutation.setGradePolicyRule': { allow: ['authority'], scope: 'none', levels: ['city'], note: 'one platform-wide policy, set by the city authority; audited' },
  'Mutation.recordAgreement': { allow: ['service'], scope: 'none', note: 'sharing records the data-use and confidentiality agreement of a grant (000 §24)' },
  'Query.agreementForGrant': {
    allow: ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'service'], scope: 'department-read',
    note: 'the consumer department, the authority / operator of a covering region, services (000 §24)',
  },
  'Mutation.anchorAuditDay': { allow: ['authority', 'platform-operator'], scope: 'none', note: 'anchor a day now (上链, 000 §25); the daily workflow does it after midnight' },
  'Query.auditAnchors': { allow: ['authority', 'platform-operator', 'assessor'], scope: 'none', note: 'the signed daily Merkle roots of the audit chain' },
  'Query.verifyAuditAnchor': { allow: ['authority', 'platform-operator', 'assessor'], scope: 'none', note: 'check an anchor: SM2 signature and Merkle root against the records' },
  'Query.publicAuditAnchor': { allow: EVERYONE, scope: 'none', note: "000 §25 上链: a day's anchor (root, signature, public key, count) for any third party, with the file to archive; no record data" },
  'Mutation.reportSecurityIncident': { allow: ['authority', 'platform-operator', 'dept-admin'], scope: 'none', note: "an incident of the caller's own department (000 §24)" },
  'Mutation.notifyAuthorityOfIncident': { allow: ['authority', 'platform-operator', 'dept-admin'], scope: 'department-write', note: 'the reporting department or the authority / operator of a covering region' },
  'Mutation.closeSecurityIncident': { allow: ['authority', 'platform-operator'], scope: 'department-write', note: 'closure after the authority was notified, with a summary' },
  'Query.securityIncident': { allow: ['authority', 'platform-operator', 'dept-admin'], scope: 'department-write', note: 'the reporting department, the authority / operator of a covering region' },
  'Query.securityIncidents': { allow: ['authority', 'platform-operator', 'dept-admin'], scope: 'none', note: "filtered to the caller's department or covered region" },
  'Query.securityFacts': { allow: ['service'], scope: 'none', note: "service-only: incidents per department for the assessment run (000 §24, §28)" },
  'Mutation.registerEmergencyPlan': { allow: ['authority', 'platform-operator', 'dept-admin'], scope: 'none', note: "a plan of the caller's own department (000 §24); region-wide only by the authority / operator; text SM4 at rest" },
  'Mutation.reviseEmergencyPlan': { allow: ['authority', 'platform-operator', 'dept-admin'], scope: 'owner-only', note: 'the keeping department adds a version (000 §24)' },
  'Mutation.recordEmergencyDrill': { allow: ['authority', 'platform-operator', 'dept-admin'], scope: 'owner-only', note: 'the keeping department records a drill: date, participants, findings, follow-up (003 §32(二))' },
  'Query.emergencyPlan': {
    allow: ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'service'], scope: 'department-write',
    note: 'its department, the authority / operator of a covering region; a region-wide plan also the departments it covers; services (sharing checks a consumer\'s plan)',
  },
  'Query.emergencyPlans': { allow: ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'service'], scope: 'none', note: "filtered: the caller's department and the region-wide plans covering it, or the covered region for the authority / operator; overdue drills (003 §32(二))" },
  'Query.auditArchives': { allow: ['authority', 'platform-operator'], scope: 'none', note: 'archives of audit records older than 2 years (004 §33)' },
  'Mutation.archiveAuditRecords': { allow: ['authority'], scope: 'none', levels: ['city'], note: 'signed archive of records older than 2 years; deletes nothing (004 §33)' },
  'Mutation.rewrapSm4Envelopes': { allow: ['authority', 'platform-operator'], scope: 'none', levels: ['city'], note: 'SM4 key rotation: re-encrypt what security keeps under the active key (000 §25)' },
  'Mutation.purgeArchivedAuditRecords': { allow: ['authority'], scope: 'none', levels: ['city'], note: 'removes archived records older than 2 years only (004 §33)' },
  // ── assessment ────────────────────────────────────────────────────────────────────────────────────────────────
  'Query.assessmentPeriod': { allow: ['authority', 'assessor'], scope: 'none', note: 'assessment is read by the authority and assessors (000 §28)' },
  'Query.assessmentPeriods': { allow: ['authority', 'assessor'], scope: 'none', note: 'filtered to the covered region' },
  'Mutation.createAssessmentPeriod': { allow: ['authority'], scope: 'none', note: 'the authority runs assessments (004 §34)' },
  'Query.assessmentIndicators': { allow: ['authority', 'assessor'], scope: 'none', note: "a period's indicators, weights and sources; the period must lie in the caller's covered region (000 §28)" },
  'Mutation.setAssessmentIndicator': { allow: ['authority'], scope: 'none', note: "the authority of the period's own region edits its indicators (004 §34)" },
  'Mutation.runAssessment': { allow: ['authority'], scope: 'none', note: "the authority of the period's own region computes a new version (000 §28)" },
  'Mutation.publishAssessmentRun': { allow: ['authority'], scope: 'none', note: "the authority of the period's own region publishes one version; then departments see their own" },
  'Query.assessmentRun': { allow: ['authority', 'assessor'], scope: 'none', note: 'every version is read by the authority and assessors of a covering region (assessors read-only)' },
  'Query.assessmentRuns': { allow: ['authority', 'assessor'], scope: 'none', note: "a period's versions, for the authority and assessors of a covering region" },
  'Mutation.exportAssessmentRun': { allow: ['authority', 'assessor'], scope: 'none', note: 'XLSX of a version (ranking, indicators, evidence), audited as a download' },
  'Mutation.exportAssessmentReport': { allow: ['authority', 'assessor'], scope: 'none', note: 'PDF report of a version (embedded CJK font), audited as a download' },
  'Query.publishedAssessmentResult': { allow: STAFF, scope: 'oversight-read', note: "a department's result of the published version: its own staff, or the authority / assessors of a covering region (and the platform); nothing before publication" },
  'Mutation.submitSelfAssessment': { allow: ['dept-admin'], scope: 'none', note: "a department submits its own self-assessment of a past year; after 31 January of the next year it is marked late (004 §34)", vars: { input: { year: 2025, content: '授权矩阵测试：年度自评报告' } } },
  'Query.selfAssessmentReports': { allow: STAFF, scope: 'none', note: 'filtered: a department its own; the authority and assessors their covered region' },
  'Query.missingSelfAssessments': { allow: ['authority', 'assessor'], scope: 'none', note: 'filtered to the covered region: departments whose self-assessment was not in by 31 January (004 §34)' },
  'Query.latestDepartmentAssessment': { allow: ['service', 'authority', 'assessor'], scope: 'covering-region', note: "a department's latest indicators, for the platform's gates (projects' approval gate, 004 §35) and the covering authority / assessors" },
  // ── projects ──────────────────────────────────────────────────────────────────────────────────────────────────
  'Query.digitalProject': { allow: ['authority', 'assessor', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user'], scope: 'oversight-read', note: 'the owning department; the authority and assessors of a covering region (projects are supervised, not operated, by the platform); also the region\'s reform and finance deciders' },
  'Query.digitalProjects': { allow: ['authority', 'assessor', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user'], scope: 'none', note: 'filtered to the caller’s department or covered region (reform / finance: their region)' },
  'Mutation.createDigitalProject': { allow: ['dept-admin'], scope: 'none', note: 'a department declares its project for the annual plan (001 项目 §10)' },
  'Mutation.submitDigitalProject': { allow: ['dept-admin'], scope: 'owner-only', note: 'the owning department submits: annual plan by 30 October, else supplementary (001 项目 §10-11)' },
  'Mutation.fileConstructionPlan': { allow: ['dept-admin', 'platform-operator'], scope: 'owner-only', note: 'the owner files the construction plan with its resource catalog (001 项目 §13, 004 §35); for a unified project the big-data centre (dsjzx) does' },
  'Mutation.recordProcurement': { allow: ['dept-admin'], scope: 'owner-only', note: 'the owner files procurement and contract, O&M >= 3 years (001 项目 §18-20, §22)' },
  'Mutation.requestProjectChange': { allow: ['dept-admin'], scope: 'owner-only', note: 'the owner asks for a change (001 项目 §24)' },
  'Mutation.terminateDigitalProject': { allow: ['dept-admin'], scope: 'owner-only', note: 'the owner terminates with a written statement (001 项目 §25)' },
  'Mutation.recordSecurityAssessment': { allow: ['dept-admin'], scope: 'owner-only', note: 'the owner records the 等保测评 report (001 项目 §32)' },
  'Mutation.fileAcceptance': { allow: ['dept-admin'], scope: 'owner-only', note: 'the owner\'s acceptance (< 2M) or initial acceptance (>= 2M) (001 项目 §26-27)' },
  'Mutation.fileProjectArchive': { allow: ['dept-admin'], scope: 'owner-only', note: 'the owner files the archive after acceptance (001 项目 §28)' },
  'Mutation.fileOmReport': { allow: ['dept-admin'], scope: 'owner-only', note: 'the owner\'s yearly O&M report (001 项目 §29)' },
  'Mutation.decideDigitalProject': { allow: ['authority', 'dept-admin', 'dept-approver'], scope: 'project-party', note: 'the step names its party: plan, technical/expert review, change, final acceptance — authority; approval — development-reform; budget, final acceptance — finance (001 项目 §11-17, §24, §26)' },
  'Mutation.drawExpertPanel': { allow: ['authority'], scope: 'covering-region', note: 'the authority draws the panel of a >= 2M project from the pool (001 项目 §14-15)' },
  'Mutation.evaluateDigitalProject': { allow: ['authority'], scope: 'covering-region', note: 'post-evaluation by the authority (001 项目 §33)' },
  'Mutation.setProjectApprovalGate': { allow: ['authority'], scope: 'none', note: "the authority sets its own region's assessment gate (004 §35)", vars: { input: { minTotalScore: 60, minIndicatorValue: 0.5 } } },
  'Query.projectExperts': { allow: ['authority'], scope: 'none', note: 'the expert pool (001 项目 §15)' },
  'Mutation.addProjectExpert': { allow: ['authority'], scope: 'none', levels: ['city'], note: "the city's authority keeps the expert pool (001 项目 §15)", vars: { input: { name: '授权矩阵测试专家', affiliation: '授权矩阵测试单位', field: '测试' } } },
  'Mutation.setProjectExpertActive': { allow: ['authority'], scope: 'none', levels: ['city'], note: 'takes an expert out of the draw (001 项目 §15)' },
  'Query.projectIndicators': { allow: ['authority', 'assessor', 'service'], scope: 'covering-region', note: "a department's project indicators for an assessment period (001 项目 §33)" },
  'Query.projectFacts': { allow: ['service'], scope: 'none', note: "service-only: projects' post-evaluation facts of departments for the assessment run (001 项目 §33)" },
};
/** The caller's relation to an object, from their departments and regions (`<region>-<kind>` department ids). */
export function relationOf(caller: { department: string | null; region: string | null }, owner: { departmentId: string; regionCode: string }): Relation {
  if (caller.department && caller.department === owner.departmentId) return 'own-dept';
  if (caller.region === owner.regionCode) return 'other-dept';
  return 'other-level';
}

/** Does a caller of `role` at `level` pass both the role gate and the scope, for an object at `relation`? */
export function expected(rule: OperationRule, role: Caller, level: Level, relation: Relation): boolean {
  if (!rule.allow.includes(role)) return false;
  if (role === 'service') return true; // machine identities act for the platform (kit canAccessDepartment)
  if (rule.levels && !rule.levels.includes(level)) return false; // platform-wide settings belong to the city
  switch (rule.scope) {
    case 'none': return true;
    case 'owner-only': return relation === 'own-dept';
    case 'department-write':
      return relation === 'own-dept' || (['authority', 'platform-operator'].includes(role) && covers(level, relation));
    case 'department-read':
      return relation === 'own-dept' || (['authority', 'platform-operator', 'assessor'].includes(role) && covers(level, relation));
    case 'oversight-read':
      return relation === 'own-dept' || (['authority', 'assessor'].includes(role) && covers(level, relation));
    case 'covering-region': return covers(level, relation);
    case 'project-party': return role === 'authority' && covers(level, relation);
  }
}

/** Own region always; a city also covers its counties; a county never covers its city. */
function covers(level: Level, relation: Relation): boolean {
  return relation !== 'other-level' || level === 'city';
}

