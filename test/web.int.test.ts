// The web app in Debian's Chromium (playwright-core, no downloaded browser): the real Keycloak login page for several
// roles, the real graph behind the gateway that serves the app. Screenshots and timings go to .tools/artifacts/.
/// <reference lib="dom" />
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { eventually, gatewayUrl, gql, ok, passCapabilityCheck, uniqueCode, type DemoUser } from './support';
import { ROOT } from './stack';

const ARTIFACTS = join(ROOT, '.tools', 'artifacts');
const PASSWORD = 'Demo-2026';
const POP = '00000000-0000-4000-8000-000004206000'; // CONDITIONAL population resource of 420600-gaj (HIGH ID numbers)
const APP = 'id status stage grantId';

let browser: Browser;
let base: string;
const metrics: Record<string, number> = {};
const browserLog: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  base = gatewayUrl().replace(/\/graphql$/, '');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
});
afterAll(async () => {
  await browser?.close();
  writeFileSync(join(ARTIFACTS, 'web-metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  writeFileSync(join(ARTIFACTS, 'web-browser.log'), browserLog.join('\n') + '\n');
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  // Browser-side errors land in one log beside the screenshots (what went wrong when a step times out).
  page.on('pageerror', (e) => browserLog.push(`pageerror ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') browserLog.push(`console ${m.text()}`); });
  return page;
}

/** Through the Keycloak login page, as a person would; back on the page asked for. */

/** The projects page shows the newest projects ten to a page and other suites add theirs meanwhile: a user looks a project up by name. */
async function projectRow(page: Page, name: string, lookup = name) {
  const search = page.getByLabel('搜索项目名称');
  await search.fill(lookup);
  await search.press('Enter');
  return page.getByTestId('projects').getByRole('row').filter({ hasText: name });
}
async function login(page: Page, user: DemoUser, path: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByRole('button', { name: '登 录' }).or(page.getByRole('button', { name: '登录' })).first().click();
  await page.waitForURL(/\/realms\/gov\/protocol\/openid-connect\/auth/);
  await page.fill('#username', user);
  await page.fill('#password', PASSWORD);
  await page.click('#kc-login');
  await page.waitForURL(`${base}${path}`);
  await page.getByTestId('username').filter({ hasText: user }).waitFor();
}

/** axe-core on the current page: no serious or critical violation. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0); // a hovered button has its hover colours
  await page.waitForTimeout(400); // and the link colours' 0.3 s transition back from hover must end before axe measures contrast
  // Evaluated through the DevTools protocol, not as a <script> tag: the app's CSP (script-src 'self') stays on, as users get it.
  await page.evaluate(`${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')}\n;undefined`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `web-${name}.png`), fullPage: true });

const CREATE_APP = `mutation($input: ShareApplicationInput!) { createShareApplication(input: $input) { ${APP} } }`;
const SUBMIT_APP = `mutation($id: ID!) { submitShareApplication(id: $id) { ${APP} } }`;
const DECIDE_APP = `mutation($id: ID!, $stage: ApprovalStage!, $approve: Boolean!, $reason: String) { decideShareApplication(id: $id, stage: $stage, approve: $approve, reason: $reason) { ${APP} } }`;
const appInput = (items: string[], scenario = '浏览器测试') => ({ resourceId: POP, requestedItems: items, scenario, purpose: '核验身份（浏览器测试）', usageMode: 'QUERY', clearText: false, periodFrom: '2026-01-01', periodTo: '2027-12-31', idempotencyKey: uniqueCode('web') });

/** Through the graph: city-wjw-user applies for POP's items, the provider, the operator and the provider's admin pass every stage; the grant's id. */
async function granted(items: string[], scenario?: string): Promise<string> {
  const app = (await ok('city-wjw-user', CREATE_APP, { input: appInput(items, scenario) })).createShareApplication;
  await ok('city-wjw-user', SUBMIT_APP, { id: app.id });
  await ok('city-gaj-approver', DECIDE_APP, { id: app.id, stage: 'PROVIDER_REVIEW', approve: true });
  await ok('city-operator', DECIDE_APP, { id: app.id, stage: 'FILING', approve: true });
  await ok('city-gaj-admin', DECIDE_APP, { id: app.id, stage: 'DELIVERY', approve: true });
  for (let i = 0; i < 100; i++) {
    const a = (await ok('city-wjw-user', 'query($id: ID!) { shareApplication(id: $id) { status grantId } }', { id: app.id })).shareApplication;
    if (a.grantId) return a.grantId as string;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no grant');
}

test('anonymous: search the open-data portal with a facet, open a dataset page (timed), accessible', async () => {
  const page = await newPage();
  await page.goto(`${base}/portal`);
  const list = page.getByTestId('dataset-list');
  await list.getByRole('link').first().waitFor();
  await expectAccessible(page, 'portal');
  await shot(page, 'portal');
  // The English toggle, and back to Chinese (the default).
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Open data' })).toBeVisibleSoon();
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '开放数据' })).toBeVisibleSoon();

  await page.getByLabel('搜索数据集').fill('襄阳市');
  await page.getByRole('button', { name: /搜\s?索/ }).click();
  await page.waitForURL(/q=/);
  await page.getByRole('group', { name: '主题' }).getByRole('checkbox', { name: /医疗卫生/ }).check();
  await expect(list.getByRole('link', { name: '襄阳市医疗机构名录' })).toBeVisibleSoon();
  await expect(list.getByRole('link', { name: '襄阳市企业登记基本信息' })).toBeAbsent();
  const href = await list.getByRole('link', { name: '襄阳市医疗机构名录' }).getAttribute('href');

  // Time to interactive of a dataset page opened directly (cold: a new context, no cache): until its content shows.
  const cold = await newPage();
  const t0 = Date.now();
  await cold.goto(`${base}${href}`);
  await cold.getByTestId('dataset-page').getByRole('heading', { name: '襄阳市医疗机构名录' }).waitFor();
  metrics.datasetPageInteractiveMs = Date.now() - t0;
  metrics.datasetPageDomContentLoadedMs = await cold.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return Math.round(n.domContentLoadedEventEnd); });
  await expect(cold.getByText('医疗卫生').first()).toBeVisibleSoon();
  await expectAccessible(cold, 'dataset');
  await shot(cold, 'dataset');
  await cold.context().close();

  // Statistics: the charts draw (ECharts, loaded with the page).
  await page.getByRole('link', { name: '统计' }).click();
  await expect(page.getByRole('img', { name: /主题: .*医疗卫生 2/ }).locator('canvas')).toBeVisibleSoon();
  await shot(page, 'stats');
  await page.context().close();
});

test('department admin: a draft with a bad code shows the graph\'s BAD_USER_INPUT beside the field; the catalog lists with facets', async () => {
  const page = await newPage();
  await login(page, 'city-gaj-admin', '/console/catalog');
  await page.getByRole('group', { name: '状态' }).waitFor();
  await expectAccessible(page, 'catalog');
  await shot(page, 'catalog');

  await page.getByRole('button', { name: '新建目录' }).click();
  const form = page.getByTestId('new-resource');
  await form.locator('#code').fill('x');
  await form.locator('#name').fill('浏览器测试目录');
  await form.locator('#items_0_name').fill('姓名');
  await form.getByRole('button', { name: /保\s?存/ }).click();
  // The reason comes from the graph (class-validator on DataResourceInput.code), shown under the code field.
  await expect(form.locator('#code_help').filter({ hasText: 'code must be 3-64' })).toBeVisibleSoon();
  await shot(page, 'new-resource-error');

  // Fixed: the code; and the cross-field rules of a CONDITIONAL / NOT_OPEN entry, which the graph checks next.
  await form.locator('#code').fill(uniqueCode('WEB'));
  await form.getByRole('button', { name: /保\s?存/ }).click();
  await expect(form.locator('#shareCondition_help').filter({ hasText: 'CONDITIONAL sharing must state its conditions' })).toBeVisibleSoon();
  await expect(form.locator('#notOpenReason_help').filter({ hasText: 'NOT_OPEN requires a reason' })).toBeVisibleSoon();
  await form.locator('#shareCondition').fill('仅限政务服务使用');
  await form.locator('#notOpenReason').fill('涉及个人信息');
  await form.getByRole('button', { name: /保\s?存/ }).click();
  await page.waitForURL(/\/console\/catalog\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /浏览器测试目录/ })).toBeVisibleSoon();

  // An upload with one good and one bad row (VALID_ROWS_ONLY): the good row is written, the bad one listed with its column.
  await page.getByRole('link', { name: '批量导入' }).click();
  const csv = [
    'code,name,description,category,serviceItem,sourceSystemId,format,updateCycle,shareType,shareCondition,notSharedBasis,openType,notOpenReason,sensitivityGrade,provisionMode,usageModes,theme,items',
    `${uniqueCode('UP')},浏览器导入,,DEPARTMENT,,,TABLE,MONTHLY,UNCONDITIONAL,,,NOT_OPEN,涉及个人信息,LOW,DISTRIBUTION_API,QUERY,,证件号:STRING:40:NONE`,
    `${uniqueCode('UP')},不予共享无依据,,DEPARTMENT,,,TABLE,DAILY,NOT_SHARED,,,UNCONDITIONAL,,LOW,,,,名称:STRING:10:NONE`,
  ].join('\n');
  await page.locator('input[type=file]').setInputFiles({ name: 'catalog.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.getByTestId('import-result').filter({ hasText: '新增 1' })).toBeVisibleSoon();
  await expect(page.getByTestId('row-errors').getByRole('row').filter({ hasText: 'notSharedBasis' })).toBeVisibleSoon();
  await shot(page, 'import-row-errors');
  await page.context().close();
});

test('provider approver: decides a share application at its stage (a rejection needs a reason); consumer: QUERY shows masked ID numbers', async () => {
  // Set-up through the graph: one submitted application waiting for the provider, one granted and signed for the try-out.
  const waiting = (await ok('city-wjw-user', CREATE_APP, { input: appInput(['姓名']) })).createShareApplication;
  await ok('city-wjw-user', SUBMIT_APP, { id: waiting.id });
  const grantId = await granted(['公民身份号码', '户号']);

  const page = await newPage();
  await login(page, 'city-gaj-approver', '/console/applications');
  await page.getByRole('tab', { name: /提供方审核/ }).click();
  const row = page.getByRole('row').filter({ hasText: '浏览器测试' }).filter({ has: page.getByRole('button', { name: /决\s?定/ }) }).first();
  await row.getByRole('button', { name: /决\s?定/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: /驳\s?回/ }).check();
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(dialog.getByText('驳回理由必填')).toBeVisibleSoon();
  await dialog.getByLabel('理由').fill('用途与共享条件不符（浏览器测试）');
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await dialog.waitFor({ state: 'detached' });
  // Rejected at once, or marked pending while the approval workflow applies it.
  await page.getByRole('tab', { name: /全部/ }).click();
  await expect(page.getByRole('row').filter({ hasText: '用途与共享条件不符（浏览器测试）' }).or(page.getByTestId('pending')).first()).toBeVisibleSoon();
  await shot(page, 'applications');
  await page.context().close();

  await ok('city-wjw-user', 'mutation($g: ID!) { signConfidentialityAgreement(grantId: $g) { id } }', { g: grantId });
  await passCapabilityCheck('city-wjw-user', grantId);
  const consumer = await newPage();
  await login(consumer, 'city-wjw-user', '/console/grants');
  await consumer.getByRole('row').filter({ hasText: '公民身份号码, 户号' }).first().getByRole('button', { name: /试\s?用/ }).click();
  const tryout = consumer.getByTestId('tryout');
  await tryout.getByRole('button', { name: /QUERY/ }).click();
  const records = tryout.getByTestId('records');
  await expect(records.getByText('MASKED').first()).toBeVisibleSoon();
  expect(await records.locator('td').first().innerText()).toMatch(/^42\d{4}\*{8}\d{3}[\dX]/);
  await shot(consumer, 'grant-tryout');
  await consumer.context().close();
});

test('authority: the audit log verifies its SM3 chain; logout ends the session', async () => {
  const page = await newPage();
  await login(page, 'city-authority', '/console/audit');
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByTestId('chain').filter({ hasText: '链完整' })).toBeVisibleSoon();
  await expectAccessible(page, 'audit');
  await shot(page, 'audit');
  // The authority runs the city's assessment through the graph (computed from what departments did), then reads it.
  const periods = await ok('city-authority', 'query { assessmentPeriods(first: 50) { edges { node { id regionCode } } } }');
  const period = periods.assessmentPeriods.edges.map((e: { node: { id: string; regionCode: string } }) => e.node).find((p: { regionCode: string }) => p.regionCode === '420600');
  await ok('city-authority', 'mutation($p: ID!, $k: String!) { runAssessment(periodId: $p, idempotencyKey: $k) { id } }', { p: period.id, k: `web-${uniqueCode('A')}` });
  for (let i = 0; i < 300; i++) {
    const runs = await ok('city-authority', 'query($p: ID!) { assessmentRuns(periodId: $p) { status } }', { p: period.id });
    if (runs.assessmentRuns.some((r: { status: string }) => r.status === 'COMPLETED')) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await page.getByRole('link', { name: '考核排名' }).click();
  // The city's computed ranking, drawn as bars.
  await expect(page.getByRole('img', { name: /考核排名: .+公安局/ }).locator('canvas')).toBeVisibleSoon();
  // Drill-down: a department's indicator facts with their evidence; the XLSX export downloads.
  await page.getByTestId('ranking').getByRole('row').filter({ hasText: '公安局' }).first().click();
  await expect(page.getByTestId('indicators').getByRole('row').nth(1)).toBeVisibleSoon();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 XLSX/ }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  await shot(page, 'assessment');
  await page.getByRole('button', { name: /退\s?出/ }).click();
  await page.waitForURL(`${base}/portal`);
  await expect(page.getByRole('button', { name: /登\s?录/ })).toBeVisibleSoon();
  await page.context().close();
});

test('open data: a download link fetches the CSV; a public user applies for conditional data (a bad period shows beside its field), sees it in "my applications" with its deadline, gives feedback, manages API keys', async () => {
  const find = async (keyword: string) => (await ok(null, 'query($f: OpenDatasetFilter) { openDatasets(first: 5, filter: $f) { edges { node { id name } } } }', { f: { keyword } }))
    .openDatasets.edges.map((e: { node: { id: string; name: string } }) => e.node).find((n: { name: string }) => n.name === keyword);
  const open = await find('襄阳市医疗机构名录');
  const conditional = await find('襄阳市食品经营许可信息');

  // Anonymous: the CSV tag is a real link to the open-data download route; the browser downloads the file.
  const anon = await newPage();
  await anon.goto(`${base}/portal/datasets/${open.id}`);
  const csvLink = anon.getByTestId('formats').getByRole('link', { name: /CSV/ });
  await csvLink.waitFor();
  const [download] = await Promise.all([anon.waitForEvent('download'), csvLink.click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n').length).toBeGreaterThan(1);
  // Conditional data offers no file, only "apply".
  await anon.goto(`${base}/portal/datasets/${conditional.id}`);
  await expect(anon.getByRole('button', { name: /申\s?请/ })).toBeVisibleSoon();
  expect(await anon.getByTestId('formats').getByRole('link', { name: /下载/ }).count()).toBe(0);
  await anon.context().close();

  const page = await newPage();
  await login(page, 'city-public', `/portal/datasets/${conditional.id}`);
  await page.getByRole('button', { name: /申\s?请/ }).click();
  await page.waitForURL(/\/portal\/apply\//);
  const form = page.getByTestId('apply-form');
  await form.locator('#applicantName').fill('浏览器测试申请人');
  await form.locator('#domain').fill('食品安全');
  await form.locator('#description').fill('研究食品经营许可的分布（浏览器测试）');
  await form.locator('#purpose').fill('学术研究（浏览器测试）');
  await form.locator('#periodFrom').fill('2027-06-01');
  await form.locator('#periodTo').fill('2027-01-01');
  await form.getByRole('button', { name: /提交申请/ }).click();
  // The graph's reason (domain rule, BAD_USER_INPUT field periodTo) under the field.
  await expect(form.locator('#periodTo_help').filter({ hasText: 'the period ends before it starts' })).toBeVisibleSoon();
  await expectAccessible(page, 'apply');
  await shot(page, 'apply-error');
  await form.locator('#periodTo').fill('2027-12-31');
  await form.getByRole('button', { name: /提交申请/ }).click();
  await page.waitForURL(`${base}/portal/mine`);
  const row = page.getByTestId('my-applications').getByRole('row').filter({ hasText: '学术研究（浏览器测试）' }).first();
  await expect(row.getByText('襄阳市食品经营许可信息')).toBeVisibleSoon();
  await expect(row.getByTestId('deadline').getByText(/官方日历|暂定日历/)).toBeVisibleSoon();
  await expectAccessible(page, 'mine');
  await shot(page, 'my-applications');

  // Feedback on the open dataset: submitted with its answer deadline; listed under my cases.
  await page.goto(`${base}/portal/interact?dataset=${open.id}`);
  const caseForm = page.getByTestId('case-form');
  await caseForm.locator('#case_description').fill('地址字段有遗漏（浏览器测试）');
  await caseForm.getByRole('button', { name: /提\s?交/ }).click();
  await expect(page.getByTestId('case-done')).toBeVisibleSoon();
  await expectAccessible(page, 'interact');
  await shot(page, 'interact');
  await page.getByTestId('case-done').getByRole('link', { name: '我的申请' }).click();
  await page.getByRole('tab', { name: /投诉与反馈/ }).click();
  const caseRow = page.getByTestId('my-cases').getByRole('row').filter({ hasText: '地址字段有遗漏（浏览器测试）' }).first();
  await expect(caseRow.getByTestId('deadline').getByText(/官方日历|暂定日历/)).toBeVisibleSoon();

  // API keys: create (the secret once), then revoke.
  await page.getByRole('link', { name: 'API 密钥' }).click();
  const keyName = `浏览器测试-${uniqueCode('K')}`;
  await page.getByTestId('key-form').locator('#name').fill(keyName);
  await page.getByRole('button', { name: /创建密钥/ }).click();
  await expect(page.getByTestId('secret')).toBeVisibleSoon();
  const keyRow = page.getByTestId('keys').getByRole('row').filter({ hasText: keyName });
  await keyRow.getByRole('button', { name: /吊\s?销/ }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(keyRow.getByText('已吊销')).toBeVisibleSoon();
  await expectAccessible(page, 'keys');
  await shot(page, 'api-keys');
  // The dataset page's API instructions name the caller's keys.
  await page.goto(`${base}/portal/datasets/${open.id}`);
  await expect(page.getByTestId('api-instructions').getByText(/open-data\/api\/datasets/)).toBeVisibleSoon();

  await page.getByRole('link', { name: '统计' }).click();
  await expect(page.getByTestId('usage-table').getByRole('row').filter({ hasText: '襄阳市医疗机构名录' })).toBeVisibleSoon();
  await expectAccessible(page, 'stats');
  await page.getByRole('link', { name: '应用展示' }).click();
  await page.getByTestId('showcase-form').waitFor();
  await expectAccessible(page, 'showcase');
  await page.context().close();
});

test('console: the source department sees its quality issues with fix deadlines, objections and projects', async () => {
  // A consumer reports a doubtful datum; the issue's workflow sets its working-day fix deadline.
  const description = `浏览器测试：户号重复 ${uniqueCode('Q')}`;
  const { id } = (await ok('city-wjw-user', 'mutation($input: QualityIssueInput!) { reportQualityIssue(input: $input) { id } }', { input: { resourceId: POP, departmentId: '420600-gaj', description } })).reportQualityIssue;
  for (let i = 0; i < 150; i++) {
    if ((await ok('city-gaj-admin', 'query($id: ID!) { qualityIssue(id: $id) { deadline } }', { id })).qualityIssue?.deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const page = await newPage();
  await login(page, 'city-gaj-admin', '/console/quality');
  await expect(page.getByTestId('quality-issues').getByRole('row').filter({ hasText: '公民身份号码校验位错误' })).toBeVisibleSoon();
  const issue = page.getByTestId('quality-issues').getByRole('row').filter({ hasText: description });
  await expect(issue.getByTestId('deadline').getByText(/官方日历|暂定日历/)).toBeVisibleSoon();
  await expectAccessible(page, 'quality');
  await shot(page, 'quality');
  // The English toggle covers the new pages and the graph's codes (statuses), then back to Chinese.
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Data quality' })).toBeVisibleSoon();
  await expect(issue.getByText('Open', { exact: true })).toBeVisibleSoon();
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '数据质量' })).toBeVisibleSoon();
  await page.getByRole('tab', { name: '检查结果' }).click();
  await page.getByTestId('inspection-runs').waitFor();
  await page.getByRole('link', { name: '数据异议' }).click();
  await page.getByTestId('objections').waitFor();
  await expectAccessible(page, 'objections');
  await page.getByRole('link', { name: '信息化项目' }).click();
  await page.getByTestId('projects').waitFor();
  await expectAccessible(page, 'projects');
  await shot(page, 'projects');
  await page.context().close();
});

test('to-do list: the approver sees a waiting share decision with its deadline, acts on it from its link, and it leaves the list', async () => {
  const scenario = `待办测试 ${uniqueCode('T')}`;
  const input = { resourceId: POP, requestedItems: ['姓名'], scenario, purpose: '核验身份（待办浏览器测试）', usageMode: 'QUERY', clearText: false, periodFrom: '2026-01-01', periodTo: '2027-12-31', idempotencyKey: uniqueCode('web') };
  const { id } = (await ok('city-wjw-user', `mutation($input: ShareApplicationInput!) { createShareApplication(input: $input) { ${APP} } }`, { input })).createShareApplication;
  await ok('city-wjw-user', `mutation($id: ID!) { submitShareApplication(id: $id) { ${APP} } }`, { id });
  // The step's notice reaches the approver's inbox through the audit relay (asynchronous): wait for it in the graph.
  const NOTICES = 'query { myNotifications(first: 50) { edges { node { resourceId } } } }';
  await eventually(() => gql('city-gaj-approver', NOTICES), (r) => !!r.data?.myNotifications?.edges.some((e: { node: { resourceId: string } }) => e.node.resourceId === id), 100, 200);

  const page = await newPage();
  await login(page, 'city-gaj-approver', '/console/tasks');
  // The header's inbox: the task notice is there, unread; "mark all read" marks it read.
  await expect(page.getByTestId('notification-badge')).toBeVisibleSoon();
  await page.getByRole('button', { name: /通\s?知/ }).click();
  await expect(page.getByTestId('notifications').locator(`[data-notice="${id}"][data-read="no"]`)).toBeVisibleSoon();
  await page.getByRole('button', { name: /全部标为已读/ }).click();
  await expect(page.getByTestId('notifications').locator(`[data-notice="${id}"][data-read="yes"]`)).toBeVisibleSoon();
  await page.getByRole('heading', { level: 1 }).click(); // a click outside closes the popover
  const row = page.getByTestId('tasks').getByRole('row').filter({ hasText: scenario });
  await expect(row).toBeVisibleSoon();
  // Its deadline: when it falls and the calendar behind it; the menu counts what waits per page.
  await expect(row.getByTestId('deadline').getByText(/官方日历|暂定日历/)).toBeVisibleSoon();
  await expect(row.getByText('共享审批')).toBeVisibleSoon();
  // The department by its name (catalog's register), not its id.
  await expect(row.getByRole('cell', { name: '襄阳市公安局', exact: true })).toBeVisibleSoon();
  await expect(row.getByRole('cell', { name: '420600-gaj', exact: true })).toBeAbsent();
  await expect(page.getByTestId('badge-tasks')).toBeVisibleSoon();
  await expect(page.getByTestId('badge-applications')).toBeVisibleSoon();
  await expectAccessible(page, 'tasks');
  await shot(page, 'tasks');

  // The item's link opens the page where it is decided.
  await row.getByRole('link').click();
  await page.waitForURL(/\/console\/applications/);
  const app = page.getByRole('row').filter({ hasText: scenario }).filter({ has: page.getByRole('button', { name: /决\s?定/ }) });
  await app.getByRole('button', { name: /决\s?定/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await dialog.waitFor({ state: 'detached' });

  // Once the approval workflow applied it, the item is no longer the approver's (it waits on the operator's filing).
  await page.getByRole('link', { name: '待办' }).click();
  for (let i = 0; i < 30 && await page.getByTestId('tasks').getByRole('row').filter({ hasText: scenario }).count(); i++) {
    await new Promise((r) => setTimeout(r, 1000));
    await page.reload();
    await page.getByTestId('tasks').waitFor();
    await page.getByTestId('tasks').locator('.ant-spin-spinning').waitFor({ state: 'detached' });
  }
  await expect(page.getByTestId('tasks').getByRole('row').filter({ hasText: scenario })).toBeAbsent();

  // 已办: the decision is the approver's done item (through the audit relay: wait for it in the graph), with its outcome.
  const DONE = 'query { myDoneTasks(first: 50, scope: MINE) { items { id type } } }';
  await eventually(() => gql('city-gaj-approver', DONE), (r) => !!r.data?.myDoneTasks?.items.some((d: { id: string; type: string }) => d.id === id && d.type === 'SHARE_DECISION'), 100, 200);
  await page.getByRole('tab', { name: '已办' }).click();
  const done = page.getByTestId('done-tasks').getByRole('row').filter({ hasText: scenario });
  await expect(done).toBeVisibleSoon();
  await expect(done.getByRole('cell', { name: '襄阳市公安局', exact: true })).toBeVisibleSoon();
  await expect(done.getByText('已通过')).toBeVisibleSoon();
  await expect(done.getByRole('cell', { name: 'city-gaj-approver', exact: true })).toBeVisibleSoon();
  await expectAccessible(page, 'tasks-done');
  await shot(page, 'tasks-done');
  // The English toggle follows on the 已办 tab (its columns and the outcome code).
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'To-do' })).toBeVisibleSoon();
  await expect(page.getByRole('tab', { name: 'Done' })).toBeVisibleSoon();
  await expect(page.getByTestId('done-tasks').getByRole('columnheader', { name: 'Done by' })).toBeVisibleSoon();
  await expect(done.getByText('Approved', { exact: true })).toBeVisibleSoon();
  await page.context().close();
});

test('working calendar: the city authority sees a year, a bad date is refused beside its field, a fixed list loads a new version', async () => {
  const page = await newPage();
  await login(page, 'city-authority', '/console/calendar');
  const load = page.getByTestId('load-calendar');
  await load.locator('#year').fill('2098');
  await load.locator('#holidays').fill('2098-01-01\n2098-02-30');
  await load.locator('#basis').fill('浏览器测试：虚构的2098年安排');
  await load.getByRole('button', { name: /加\s?载/ }).click();
  await expect(page.locator('#holidays_help').getByText('2098-02-30 is not a date')).toBeVisibleSoon();
  await expectAccessible(page, 'calendar-error');
  await shot(page, 'calendar-error');

  await load.locator('#holidays').fill('2098-01-01\n2098-01-02');
  await load.getByRole('button', { name: /加\s?载/ }).click();
  await expect(page.getByTestId('calendar-loaded')).toBeVisibleSoon();
  await expect(page.getByTestId('calendar').getByText('2098-01-02')).toBeVisibleSoon();
  await expect(page.getByTestId('calendar-versions').getByRole('row').filter({ hasText: '浏览器测试：虚构的2098年安排' })).toBeVisibleSoon();
  await expect(page.getByTestId('calendar-years').getByRole('button', { name: /2098/ })).toBeVisibleSoon();
  await expectAccessible(page, 'calendar');
  await shot(page, 'calendar');
  await page.context().close();
});

test('console actions: the publisher refuses an open-data application from its to-do item (reasons required) and answers feedback; the source department explains a quality issue, the operator verifies it', async () => {
  const datasets = (await ok(null, 'query($f: OpenDatasetFilter) { openDatasets(first: 5, filter: $f) { edges { node { id name } } } }', { f: { keyword: '襄阳市食品经营许可信息' } })).openDatasets.edges;
  const datasetId = datasets.find((e: { node: { name: string } }) => e.node.name === '襄阳市食品经营许可信息').node.id as string;
  const applicantName = `待办申请人 ${uniqueCode('O')}`;
  const year = new Date().getUTCFullYear();
  const { id } = (await ok('city-public', 'mutation($input: OpenDataApplicationInput!) { applyForOpenData(input: $input) { id } }', {
    input: { datasetId, applicantKind: 'COMPANY', applicantName, demandType: '数据分析', description: '浏览器测试', domain: '经济', format: 'JSON', purpose: '浏览器测试用途', periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, idempotencyKey: uniqueCode('apply') },
  })).applyForOpenData;
  await eventually(() => gql('city-public', 'query($id: ID!) { openDataApplication(id: $id) { decisionDeadline } }', { id }), (r) => !!r.data?.openDataApplication?.decisionDeadline);
  const feedback = `浏览器测试：数据有误 ${uniqueCode('F')}`;
  await ok('city-public', 'mutation($input: OpenDataCaseInput!) { giveOpenDataFeedback(input: $input) { id } }', { input: { datasetId, category: 'ERROR_OR_OMISSION', description: feedback, idempotencyKey: uniqueCode('fb') } });

  const page = await newPage();
  await login(page, 'city-scjg-admin', '/console/tasks');
  const item = page.getByTestId('tasks').getByRole('row').filter({ hasText: applicantName });
  await expect(item.getByTestId('deadline')).toBeVisibleSoon();
  await item.getByRole('link').click();
  await page.waitForURL(/\/console\/open-data\?id=/);
  const row = page.getByTestId('open-data-applications').getByRole('row').filter({ hasText: applicantName });
  await row.getByRole('button', { name: /决\s?定/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: '不予开放' }).check();
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(dialog.getByText('不予开放须说明理由')).toBeVisibleSoon();
  await expectAccessible(page, 'open-data-decide');
  await dialog.getByLabel('理由').fill('用途不明确（浏览器测试）');
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect(row.getByText('用途不明确（浏览器测试）').or(row.getByTestId('pending'))).toBeVisibleSoon();
  await eventually(() => gql('city-public', 'query($id: ID!) { openDataApplication(id: $id) { status decisionReason } }', { id }), (r) => r.data?.openDataApplication?.status === 'REFUSED');
  await shot(page, 'open-data-decide');
  // The feedback on the same dataset: answered from the 投诉与反馈 tab (an empty answer is refused).
  await page.getByRole('tab', { name: '投诉与反馈' }).click();
  const caseRow = page.getByTestId('open-data-cases').getByRole('row').filter({ hasText: feedback });
  await caseRow.getByRole('button', { name: /答\s?复/ }).click();
  const answerDialog = page.getByRole('dialog');
  await answerDialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(answerDialog.getByText('必填')).toBeVisibleSoon();
  await answerDialog.getByLabel('答复内容').fill('已核实并更正（浏览器测试）');
  await answerDialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await answerDialog.waitFor({ state: 'detached' });
  await expect(caseRow.getByText('已核实并更正（浏览器测试）')).toBeVisibleSoon();
  await expectAccessible(page, 'open-data-cases');
  await page.context().close();

  // A quality issue of 公安局: its administrator explains it from the row (an empty explanation is refused).
  const description = `浏览器测试：待整改 ${uniqueCode('Q')}`;
  const issue = (await ok('city-wjw-user', 'mutation($input: QualityIssueInput!) { reportQualityIssue(input: $input) { id } }', { input: { resourceId: POP, departmentId: '420600-gaj', description } })).reportQualityIssue;
  await eventually(() => gql('city-gaj-admin', 'query($id: ID!) { qualityIssue(id: $id) { deadline } }', { id: issue.id }), (r) => !!r.data?.qualityIssue?.deadline);
  const admin = await newPage();
  await login(admin, 'city-gaj-admin', '/console/quality');
  const issueRow = admin.getByTestId('quality-issues').getByRole('row').filter({ hasText: description });
  await issueRow.getByRole('button', { name: '整改说明' }).click();
  const modal = admin.getByRole('dialog');
  await modal.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(modal.getByText('必填')).toBeVisibleSoon();
  await modal.getByLabel('如何解释或更正了数据').fill('已更正重复户号（浏览器测试）');
  await modal.getByRole('button', { name: /确\s?定|OK/ }).click();
  await modal.waitFor({ state: 'detached' });
  await expect(issueRow.getByText('已整改')).toBeVisibleSoon();
  await admin.context().close();

  // The platform operator verifies the fix no rule can re-check (from its row: 核验, a note required).
  const operator = await newPage();
  await login(operator, 'city-operator', '/console/quality');
  const fixedRow = operator.getByTestId('quality-issues').getByRole('row').filter({ hasText: description });
  await fixedRow.getByRole('button', { name: /核\s?验/ }).click();
  const check = operator.getByRole('dialog');
  await check.getByLabel('核验说明').fill('抽查户号已无重复（浏览器测试）');
  await check.getByRole('button', { name: /确\s?定|OK/ }).click();
  await check.waitFor({ state: 'detached' });
  await eventually(() => gql('city-operator', 'query($id: ID!) { qualityIssue(id: $id) { status } }', { id: issue.id }), (r) => r.data?.qualityIssue?.status === 'VERIFIED');
  await operator.context().close();
});

test('objections: the authority suspends the data, the source department decides (a blank finding refused beside its field), the authority answers the objector', async () => {
  const description = `浏览器测试：户号与实际不符 ${uniqueCode('OBJ')}`;
  await ok('city-public', 'mutation($input: ObjectionInput!) { fileObjection(input: $input) { id } }', { input: { resourceId: POP, objectorName: '张三（浏览器测试）', ground: 'WRONG', description } });

  const authority = await newPage();
  await login(authority, 'city-authority', '/console/objections');
  const row = authority.getByTestId('objections').getByRole('row').filter({ hasText: description });
  await row.getByRole('button', { name: '暂停使用' }).click();
  await authority.locator('.ant-popconfirm').getByRole('button', { name: '暂停使用' }).click();
  await expect(row.getByText('已暂停', { exact: true })).toBeVisibleSoon();
  await expect(row.getByTestId('deadline')).toBeVisibleSoon();
  await expectAccessible(authority, 'objections-actions');
  await shot(authority, 'objections-suspended');

  const department = await newPage();
  await login(department, 'city-gaj-admin', '/console/objections');
  const deptRow = department.getByTestId('objections').getByRole('row').filter({ hasText: description });
  await deptRow.getByRole('button', { name: '核实决定' }).click();
  const dialog = department.getByRole('dialog');
  await dialog.getByRole('radio', { name: '更正数据' }).check();
  await dialog.getByLabel('核实情况').fill('   ');
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  // The graph's reason (BAD_USER_INPUT, field finding), beside the field.
  await expect(dialog.locator('#finding_help').filter({ hasText: 'must not be blank' })).toBeVisibleSoon();
  await expectAccessible(department, 'objection-decide');
  await shot(department, 'objection-decide-error');
  await dialog.getByLabel('核实情况').fill('核实属实，已更正户号（浏览器测试）');
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect(deptRow.getByText('已决定', { exact: true })).toBeVisibleSoon();
  await department.context().close();

  await authority.reload();
  await row.getByRole('button', { name: '答复异议人' }).click();
  const answer = authority.getByRole('dialog');
  await answer.getByLabel('答复内容').fill('经核实数据有误，已更正（浏览器测试）');
  await answer.getByRole('button', { name: /确\s?定|OK/ }).click();
  await answer.waitFor({ state: 'detached' });
  await expect(row.getByText('已答复', { exact: true })).toBeVisibleSoon();
  await expect(row.getByText('经核实数据有误，已更正（浏览器测试）')).toBeVisibleSoon();
  // The English toggle follows on this page (heading, the graph's status and ground codes).
  await authority.getByText('EN', { exact: true }).click();
  await expect(authority.getByRole('heading', { name: 'Objections' })).toBeVisibleSoon();
  await expect(row.getByText('Answered', { exact: true })).toBeVisibleSoon();
  await authority.context().close();
});

test('projects: the owner submits a late declaration (the graph asks for its urgency beside the field), the authority approves the plan step, the owner files the construction plan (its catalog and interfaces asked for beside their fields)', async () => {
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear(); // this year's plan closed last 30 October: always supplementary
  const name = `浏览器测试项目 ${uniqueCode('PRJ')}`;
  await ok('city-gaj-admin', 'mutation($input: DigitalProjectInput!) { createDigitalProject(input: $input) { id } }', {
    input: { name, description: '测试项目概要', year, budget: 500_000, kind: 'SELF_BUILT', fundingSource: '财政专项资金', basis: '测试依据', selfBuiltReason: '行业专网，须与省厅系统对接', yearlyInvestment: [{ year, amount: 500_000 }] },
  });
  const owner = await newPage();
  await login(owner, 'city-gaj-admin', '/console/projects');
  const row = await projectRow(owner, name);
  await row.getByRole('button', { name: '提交申报' }).click();
  const dialog = owner.getByRole('dialog');
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(dialog.locator('#urgentReason_help').filter({ hasText: 'supplementary plan' })).toBeVisibleSoon();
  await shot(owner, 'project-submit-error');
  await dialog.getByLabel('紧急理由（补充计划）').fill('省厅部署的急需系统（浏览器测试）');
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect(row.getByText('补充申报', { exact: true })).toBeVisibleSoon();
  await expect(row.getByTestId('deadline')).toBeVisibleSoon();
  await owner.context().close();

  const authority = await newPage();
  await login(authority, 'city-authority', '/console/projects');
  const aRow = await projectRow(authority, name);
  await expectAccessible(authority, 'projects-actions');
  await shot(authority, 'projects-actions');
  await aRow.getByRole('button', { name: '计划审核' }).click();
  const decide = authority.getByRole('dialog');
  await decide.getByLabel('意见').fill('列入补充计划（浏览器测试）');
  await decide.getByRole('button', { name: /确\s?定|OK/ }).click();
  await decide.waitFor({ state: 'detached' });
  await expect(aRow.getByText('计划已批', { exact: true })).toBeVisibleSoon();
  await authority.context().close();

  // The owner's next step: the construction plan; a new system without interfaces is refused beside that field.
  const again = await newPage();
  await login(again, 'city-gaj-admin', '/console/projects');
  const oRow = await projectRow(again, name);
  await oRow.getByRole('button', { name: '报送建设方案' }).click();
  const plan = again.getByRole('dialog');
  await plan.getByLabel('建设方案').fill('建设方案：户籍数据治理平台（浏览器测试）');
  await plan.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(plan.locator('#resourceIds_help').filter({ hasText: 'at least 1' })).toBeVisibleSoon();
  await plan.getByLabel('资源目录').click();
  await again.locator('.ant-select-dropdown .ant-select-item-option').first().click();
  await plan.getByLabel('建设方案').click(); // closes the dropdown
  await plan.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(plan.locator('#sharingInterfaces_help').filter({ hasText: 'no sharing or open interfaces' })).toBeVisibleSoon();
  await expectAccessible(again, 'project-plan');
  await shot(again, 'project-plan-error');
  await plan.getByLabel('共享开放接口').fill('共享接口：户籍核验 API');
  await plan.getByRole('button', { name: /确\s?定|OK/ }).click();
  await plan.waitFor({ state: 'detached' });
  await expect(oRow.getByText('技术审查', { exact: true })).toBeVisibleSoon();
  await again.context().close();
});

const PROJECT = 'id status';
const PROJECT_DECIDE = `mutation($id: ID!, $input: DecisionInput!) { decideDigitalProject(id: $id, input: $input) { ${PROJECT} } }`;

/** Through the graph: city-gaj-admin declares a project (< 2M) planning the given catalog entry, every party passes it to APPROVED; its id. */
async function approvedProject(name: string, resourceId?: string): Promise<string> {
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  const { id } = (await ok('city-gaj-admin', `mutation($input: DigitalProjectInput!) { createDigitalProject(input: $input) { ${PROJECT} } }`, {
    input: { name, description: '测试项目概要', year, budget: 800_000, kind: 'SELF_BUILT', fundingSource: '财政专项资金', basis: '测试依据', selfBuiltReason: '行业专网，须与省厅系统对接', yearlyInvestment: [{ year, amount: 800_000 }] },
  })).createDigitalProject;
  await ok('city-gaj-admin', `mutation($id: ID!) { submitDigitalProject(id: $id, urgentReason: "省厅部署的急需系统") { ${PROJECT} } }`, { id });
  await ok('city-authority', PROJECT_DECIDE, { id, input: { step: 'PLAN', approve: true } });
  const entry = resourceId ?? (await ok('city-gaj-admin', 'query { dataResources(first: 1, filter: { departmentId: "420600-gaj" }) { edges { node { id } } } }')).dataResources.edges[0].node.id;
  await ok('city-gaj-admin', `mutation($id: ID!, $input: ConstructionPlanInput!) { fileConstructionPlan(id: $id, input: $input) { ${PROJECT} } }`, { id, input: { plan: '建设方案', resourceIds: [entry], newSystem: true, sharingInterfaces: '共享接口：户籍核验 API' } });
  await ok('city-authority', PROJECT_DECIDE, { id, input: { step: 'TECHNICAL_REVIEW', approve: true } });
  await ok('city-fgw-approver', PROJECT_DECIDE, { id, input: { step: 'APPROVAL', approve: true } });
  expect((await ok('city-czj-approver', PROJECT_DECIDE, { id, input: { step: 'BUDGET', approve: true } })).decideDigitalProject.status).toBe('APPROVED');
  return id;
}

test('projects: an approved project\'s owner files procurement (too short an O&M period refused beside its field) and requests a change; the authority approves the change', async () => {
  const name = `浏览器测试实施项目 ${uniqueCode('PRJ')}`;
  await approvedProject(name);

  const owner = await newPage();
  await login(owner, 'city-gaj-admin', '/console/projects');
  const row = await projectRow(owner, name);
  await row.getByRole('button', { name: '采购备案' }).click();
  const procure = owner.getByRole('dialog');
  await procure.getByLabel('采购文件').fill('招标文件 ZB-WEB-01');
  await procure.getByLabel('合同编号').fill('HT-WEB-01');
  await procure.getByLabel('承建单位').fill('测试科技有限公司');
  await procure.getByLabel('合同金额（元）').fill('700000');
  await procure.getByLabel('运维年限').fill('2');
  await procure.getByLabel('监理单位').fill('测试监理有限公司');
  await procure.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(procure.locator('#omYears_help').filter({ hasText: 'at least 3 years' })).toBeVisibleSoon();
  await expectAccessible(owner, 'project-procurement');
  await procure.getByLabel('运维年限').fill('3');
  await procure.getByRole('button', { name: /确\s?定|OK/ }).click();
  await procure.waitFor({ state: 'detached' });
  await expect(row.getByText('建设中', { exact: true })).toBeVisibleSoon();
  await row.getByRole('button', { name: '申请变更' }).click();
  const change = owner.getByRole('dialog');
  await change.getByLabel('变更内容').fill('增加移动端受理（浏览器测试）');
  await change.getByLabel('变更理由').fill('群众办事需求');
  await change.getByRole('button', { name: /确\s?定|OK/ }).click();
  await change.waitFor({ state: 'detached' });
  await expect(row.getByText(/待批变更: 增加移动端受理/)).toBeVisibleSoon();
  await shot(owner, 'project-steps');
  await owner.context().close();

  const authority = await newPage();
  await login(authority, 'city-authority', '/console/projects');
  const aRow = await projectRow(authority, name);
  await aRow.getByRole('button', { name: '变更审批' }).click();
  const decide = authority.getByRole('dialog');
  await expect(decide.getByText('增加移动端受理（浏览器测试）')).toBeVisibleSoon();
  await decide.getByRole('button', { name: /确\s?定|OK/ }).click();
  await decide.waitFor({ state: 'detached' });
  await expect(aRow.getByText(/待批变更/)).toBeAbsent();
  await expect(aRow.getByRole('button', { name: '变更审批' })).toBeAbsent();
  await authority.context().close();
});

test('projects in operation: the owner files a yearly O&M report (a year beyond the contract refused beside its field) and terminates another project (too short a statement refused beside its field); the authority post-evaluates (a score over 100 refused beside its field), sees the expert pool and its approval gate form', async () => {
  const tag = uniqueCode('PRJ'); // both projects answer one search: the page shows them side by side
  const running = `浏览器测试运行项目 ${tag}-1`;
  const stopping = `浏览器测试终止项目 ${tag}-2`;
  // One project through construction, acceptance (its catalog entry POP is published; 等保 passed) and archive into operation.
  const id = await approvedProject(running, POP);
  await ok('city-gaj-admin', `mutation($id: ID!, $input: ProcurementInput!) { recordProcurement(id: $id, input: $input) { ${PROJECT} } }`, {
    id, input: { procurementDocument: '招标文件 ZB-WEB-OM', contractNo: 'HT-WEB-OM', contractor: '测试科技有限公司', contractAmount: 700_000, omYears: 3, supervisor: '测试监理有限公司' },
  });
  await ok('city-gaj-admin', `mutation($id: ID!, $input: SecurityAssessmentInput!) { recordSecurityAssessment(id: $id, input: $input) { ${PROJECT} } }`, {
    id, input: { level: 3, agency: '测试测评机构', reportNo: 'DB-WEB-OM', passed: true, assessedOn: '2026-11-02' },
  });
  expect((await ok('city-gaj-admin', `mutation($id: ID!, $input: AcceptanceInput!) { fileAcceptance(id: $id, input: $input) { ${PROJECT} } }`, { id, input: { passed: true, report: '验收报告（浏览器测试）' } })).fileAcceptance.status).toBe('ACCEPTED');
  expect((await ok('city-gaj-admin', `mutation($id: ID!) { fileProjectArchive(id: $id, archiveNo: "DA-WEB-OM") { ${PROJECT} } }`, { id })).fileProjectArchive.status).toBe('IN_OPERATION');
  await approvedProject(stopping);

  const owner = await newPage();
  await login(owner, 'city-gaj-admin', '/console/projects');
  const row = await projectRow(owner, running, tag);
  await row.getByRole('button', { name: '运维报告' }).click();
  const report = owner.getByRole('dialog');
  expect(await report.getByLabel('运维年度').inputValue()).toBe('1'); // the first year not yet filed
  await report.getByLabel('运维年度').fill('4');
  await report.getByLabel('运行维护情况').fill('系统运行平稳，全年可用率 99.9%（浏览器测试）');
  await report.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(report.locator('#omYear_help').filter({ hasText: 'the contract agrees 3 O&M years' })).toBeVisibleSoon();
  await expectAccessible(owner, 'project-om-report');
  await shot(owner, 'project-om-report-error');
  await report.getByLabel('运维年度').fill('1');
  await report.getByRole('button', { name: /确\s?定|OK/ }).click();
  await report.waitFor({ state: 'detached' });
  await row.getByRole('button', { name: /展开行|Expand row/ }).click();
  const schedule = owner.getByTestId('om-schedule');
  await expect(schedule.getByRole('row').filter({ hasText: '系统运行平稳' }).getByText('已报送', { exact: true })).toBeVisibleSoon();
  await expect(schedule.getByRole('row').filter({ hasText: '待报送' }).first()).toBeVisibleSoon();
  await expect(owner.getByTestId('project-detail').getByText('报送运维报告', { exact: true })).toBeVisibleSoon();
  await expect(row.getByRole('button', { name: '运维报告' })).toBeVisibleSoon(); // years 2 and 3 are still to file
  await expectAccessible(owner, 'project-operation');

  const stop = await projectRow(owner, stopping, tag);
  await stop.getByRole('button', { name: '终止项目' }).click();
  const terminate = owner.getByRole('dialog');
  await terminate.getByLabel('终止原因').click();
  await owner.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: '无法继续实施' }).click();
  await terminate.getByLabel('书面说明').fill('需求取消');
  await terminate.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(terminate.locator('#statement_help').filter({ hasText: /statement must be longer than or equal to 10 characters/ })).toBeVisibleSoon();
  await expectAccessible(owner, 'project-terminate');
  await terminate.getByLabel('书面说明').fill('省厅统一建设同类系统，本项目需求取消，已与承建单位协商一致（浏览器测试）');
  await terminate.getByRole('button', { name: /确\s?定|OK/ }).click();
  await terminate.waitFor({ state: 'detached' });
  await expect(stop.getByText('已终止', { exact: true })).toBeVisibleSoon();
  await expect(stop.getByText(/终止原因: 无法继续实施/)).toBeVisibleSoon();
  await expect(stop.getByRole('button', { name: '终止项目' })).toBeAbsent();
  // The English toggle follows on this page: headings, actions, the graph's codes.
  await owner.getByText('EN', { exact: true }).click();
  await expect(owner.getByRole('heading', { name: 'Projects' })).toBeVisibleSoon();
  await expect(stop.getByText('Terminated', { exact: true })).toBeVisibleSoon();
  await expect(stop.getByText(/Cause of termination: Implementation failed/)).toBeVisibleSoon();
  await expect(row.getByRole('button', { name: 'O&M report' })).toBeVisibleSoon();
  await owner.getByText('中文', { exact: true }).click();
  await expect(owner.getByRole('heading', { name: '信息化项目' })).toBeVisibleSoon();
  await shot(owner, 'project-operation');
  await owner.context().close();
  const after = (await ok('city-gaj-admin', 'query($id: ID!) { digitalProject(id: $id) { omReports { omYear filedBy } } }', { id })).digitalProject;
  expect(after.omReports).toEqual([{ omYear: 1, filedBy: 'city-gaj-admin' }]);

  const authority = await newPage();
  await login(authority, 'city-authority', '/console/projects');
  const aRow = await projectRow(authority, running, tag);
  await aRow.getByRole('button', { name: '后评价' }).click();
  const evaluate = authority.getByRole('dialog');
  await evaluate.getByLabel('建设').fill('88');
  await evaluate.getByLabel('应用').fill('120');
  await evaluate.getByLabel('效益').fill('80');
  await evaluate.getByLabel('安全').fill('90');
  await evaluate.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(evaluate.locator('#use_help').filter({ hasText: 'use must not be greater than 100' })).toBeVisibleSoon();
  await expectAccessible(authority, 'project-evaluate');
  await evaluate.getByLabel('应用').fill('76');
  await evaluate.getByRole('button', { name: /确\s?定|OK/ }).click();
  await evaluate.waitFor({ state: 'detached' });
  await expect(aRow.getByText(/后评价 83.5/)).toBeVisibleSoon();
  // The approval gate (004 §35): a bad value is refused beside its field; cancelled, so the region's gate stays as it was.
  await authority.getByRole('button', { name: '审批考核门槛' }).click();
  const gate = authority.getByRole('dialog');
  await gate.getByLabel('最低考核总分（0–100）').fill('60');
  await gate.getByLabel('单项指标最低值（0–1）').fill('5');
  await gate.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(gate.locator('#minIndicatorValue_help').filter({ hasText: 'minIndicatorValue must not be greater than 1' })).toBeVisibleSoon();
  await gate.getByRole('button', { name: /取\s?消|Cancel/ }).click();
  await gate.waitFor({ state: 'detached' });
  // The expert pool (§15): listed; an expert's name of one character refused beside its field (not added: the pool stays as it was).
  await authority.getByRole('tab', { name: '专家库' }).click();
  await authority.getByTestId('experts').waitFor();
  await authority.getByRole('button', { name: '添加专家' }).click();
  const expert = authority.getByRole('dialog');
  await expert.getByLabel('姓名').fill('王');
  await expert.getByLabel('专业领域').fill('数据治理');
  await expert.getByLabel('工作单位').fill('华中科技大学');
  await expert.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(expert.locator('#name_help').filter({ hasText: 'name must be longer than or equal to 2 characters' })).toBeVisibleSoon();
  await expert.getByRole('button', { name: /取\s?消|Cancel/ }).click();
  await expert.waitFor({ state: 'detached' });
  await expectAccessible(authority, 'project-experts');
  await shot(authority, 'project-experts');
  await authority.context().close();
  const evaluated = (await ok('city-authority', 'query($id: ID!) { digitalProject(id: $id) { evaluation { total evaluatedBy } } }', { id })).digitalProject;
  expect(evaluated.evaluation).toEqual({ total: 83.5, evaluatedBy: 'city-authority' });
});

test('security: a department admin registers an emergency plan and records a drill (a future day refused beside its field); the authority sees it; the consumer declares its security capability, the operator confirms (a failure needs remarks)', async () => {
  const title = `浏览器测试应急预案 ${uniqueCode('EP')}`;
  const admin = await newPage();
  await login(admin, 'city-scjg-admin', '/console/security');
  await admin.getByRole('button', { name: '登记预案' }).click();
  const reg = admin.getByRole('dialog');
  await reg.getByLabel('预案名称').fill(title);
  await reg.getByLabel('预案正文').fill('一、总则\n二、组织体系\n三、预警与响应（浏览器测试）');
  await reg.getByRole('button', { name: /确\s?定|OK/ }).click();
  await reg.waitFor({ state: 'detached' });
  const row = admin.getByTestId('emergency-plans').getByRole('row').filter({ hasText: title });
  await expect(row.getByTestId('drill-due')).toBeVisibleSoon();
  await expect(row.getByRole('cell', { name: '襄阳市市场监督管理局', exact: true })).toBeVisibleSoon(); // the department's name, not its id

  await row.getByRole('button', { name: '记录演练' }).click();
  const drill = admin.getByRole('dialog');
  await drill.getByLabel('演练日期').fill('2999-01-01');
  await drill.getByLabel('参与人员（每行一个）').fill('市场监管局信息科\n网络安全值班组');
  await drill.getByLabel('演练发现').fill('备份恢复用时超出预期（浏览器测试）');
  await drill.getByLabel('整改措施（每行一项）').fill('每季度演练备份恢复');
  await drill.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(drill.locator('#drilledOn_help').filter({ hasText: 'a drill is recorded after it took place' })).toBeVisibleSoon();
  await expectAccessible(admin, 'security-drill');
  await shot(admin, 'security-drill-error');
  await drill.getByLabel('演练日期').fill('2026-11-20');
  await drill.getByRole('button', { name: /确\s?定|OK/ }).click();
  await drill.waitFor({ state: 'detached' });
  await expect(row.getByText('2026-11-20')).toBeVisibleSoon();
  await row.getByRole('button', { name: /展开行|Expand row/ }).click();
  await expect(admin.getByTestId('drills').getByText('备份恢复用时超出预期（浏览器测试）')).toBeVisibleSoon();
  await expectAccessible(admin, 'security');
  await shot(admin, 'security');
  await admin.context().close();

  const authority = await newPage();
  await login(authority, 'city-authority', '/console/security');
  await expect(authority.getByTestId('emergency-plans').getByRole('row').filter({ hasText: title })).toBeVisibleSoon();
  await authority.context().close();

  // The consumer's security capability before a first delivery.
  const scenario = `浏览器测试安全能力 ${uniqueCode('CAP')}`;
  const grantId = await granted(['姓名'], scenario);
  const consumer = await newPage();
  await login(consumer, 'city-wjw-user', '/console/security');
  await consumer.getByRole('tab', { name: '安全能力核验' }).click();
  const grant = consumer.getByTestId('capability-grants').getByRole('row').filter({ hasText: scenario });
  await expect(grant.getByText('未申报')).toBeVisibleSoon();
  await grant.getByRole('button', { name: /申\s?报/ }).click();
  const declare = consumer.getByRole('dialog');
  await declare.getByLabel('安全管理负责人').fill('王安全');
  await declare.getByLabel('承载数据的系统（每行一个）').fill('业务受理系统');
  await declare.getByLabel('应急预案').click();
  await consumer.locator('.ant-select-dropdown .ant-select-item-option').first().click();
  await declare.getByRole('button', { name: /确\s?定|OK/ }).click();
  await declare.waitFor({ state: 'detached' });
  await expect(grant.getByText('已申报待确认')).toBeVisibleSoon();
  await expectAccessible(consumer, 'security-capability');
  await shot(consumer, 'security-capability');
  await consumer.context().close();

  const operator = await newPage();
  await login(operator, 'city-operator', '/console/security');
  await operator.getByRole('tab', { name: '安全能力核验' }).click();
  const oRow = operator.getByTestId('capability-grants').getByRole('row').filter({ hasText: scenario });
  await oRow.getByRole('button', { name: /确\s?认/ }).click();
  const confirm = operator.getByRole('dialog');
  await confirm.getByRole('radio', { name: /不通过/ }).check();
  await confirm.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(confirm.locator('#remarks_help').filter({ hasText: 'say what is insufficient' })).toBeVisibleSoon();
  await confirm.getByRole('radio', { name: /^通\s?过$/ }).check();
  await confirm.getByRole('button', { name: /确\s?定|OK/ }).click();
  await confirm.waitFor({ state: 'detached' });
  await expect(oRow.getByText('核验通过')).toBeVisibleSoon();
  // The English toggle follows on this page (heading, tabs, the capability status).
  await operator.getByText('EN', { exact: true }).click();
  await expect(operator.getByRole('heading', { name: 'Data security' })).toBeVisibleSoon();
  await expect(operator.getByRole('tab', { name: 'Emergency plans' })).toBeVisibleSoon();
  await expect(oRow.getByText('Passed', { exact: true })).toBeVisibleSoon();
  await operator.context().close();
  expect((await ok('city-wjw-user', 'query($id: ID!) { shareGrant(id: $id) { securityCapability { status } } }', { id: grantId })).shareGrant.securityCapability.status).toBe('PASSED');
});

test('webhooks: a department admin registers a receiver (a bad URL refused beside its field), sees the secret once and the deliveries, disables it (the authority lists it read-only) and removes it', async () => {
  const page = await newPage();
  await login(page, 'city-gaj-admin', '/console/webhooks');
  const description = `浏览器测试 OA ${uniqueCode('WH')}`;
  await page.getByRole('button', { name: '登记推送地址' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('推送地址').fill('ftp://oa.example.gov.cn/hook');
  await dialog.getByLabel('说明').fill(description);
  await dialog.getByRole('checkbox', { name: '待办' }).check();
  await expect(dialog.getByRole('checkbox', { name: '含本地区岗位通知' })).toBeAbsent(); // a department has no region notices
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(dialog.locator('#url_help').filter({ hasText: 'http(s) only' })).toBeVisibleSoon();
  await expectAccessible(page, 'webhook-register');
  await shot(page, 'webhook-register-error');
  await dialog.getByLabel('推送地址').fill('https://oa.example.gov.cn/hook');
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await dialog.waitFor({ state: 'detached' });
  // The generated signing secret, once.
  await expect(page.getByTestId('webhook-secret').locator('code')).toBeVisibleSoon();
  expect((await page.getByTestId('webhook-secret').locator('code').innerText()).length).toBeGreaterThanOrEqual(16);
  const row = page.getByTestId('webhooks').getByRole('row').filter({ hasText: description });
  await expect(row.getByText('启用')).toBeVisibleSoon();
  await row.getByRole('button', { name: /展开行|Expand row/ }).click();
  await page.getByTestId('webhook-deliveries').waitFor();
  await expectAccessible(page, 'webhooks');
  await shot(page, 'webhooks');

  await row.getByRole('button', { name: /停\s?用/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /停\s?用/ }).click();
  await expect(row.getByText('已停用')).toBeVisibleSoon();
  // Enabled again (new notices only), then disabled for the authority's look.
  await row.getByRole('button', { name: '重新启用' }).click();
  await expect(row.getByText('启用', { exact: true })).toBeVisibleSoon();
  await row.getByRole('button', { name: /停\s?用/ }).click();
  await page.locator('.ant-popconfirm').last().getByRole('button', { name: /停\s?用/ }).click();
  await expect(row.getByText('已停用')).toBeVisibleSoon();
  // The authority of the region lists it, without the department's buttons.
  const authority = await newPage();
  await login(authority, 'city-authority', '/console/webhooks');
  const seen = authority.getByTestId('webhooks').getByRole('row').filter({ hasText: description });
  await expect(seen.getByText('已停用')).toBeVisibleSoon();
  await expect(seen.getByRole('button', { name: /删\s?除/ })).toBeAbsent();
  // Its own department's webhooks the authority manages itself, and may take its region's role notices (escalations) too.
  await authority.getByRole('button', { name: '登记推送地址' }).click();
  await expect(authority.getByRole('dialog').getByRole('checkbox', { name: '含本地区岗位通知' })).toBeVisibleSoon();
  await authority.getByRole('dialog').getByRole('button', { name: /取\s?消|Cancel/ }).click();
  await authority.getByRole('dialog').waitFor({ state: 'detached' });
  // The English toggle follows on this page.
  await authority.getByText('EN', { exact: true }).click();
  await expect(authority.getByRole('heading', { name: 'Webhooks' })).toBeVisibleSoon();
  await expect(seen.getByText('Disabled', { exact: true })).toBeVisibleSoon();
  await authority.context().close();
  await row.getByRole('button', { name: /删\s?除/ }).click();
  await page.locator('.ant-popconfirm').last().getByRole('button', { name: /删\s?除/ }).click();
  await expect(page.getByTestId('webhooks').getByRole('row').filter({ hasText: description })).toBeAbsent();
  await page.context().close();
});

// Small polling assertions (jest has no web-first matchers): wait until a locator shows / is gone.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest { interface Matchers<R> { toBeVisibleSoon(): Promise<R>; toBeAbsent(): Promise<R> } }
}
expect.extend({
  async toBeVisibleSoon(locator: import('playwright-core').Locator) {
    try { await locator.first().waitFor({ state: 'visible', timeout: 30_000 }); return { pass: true, message: () => 'visible' }; } catch (e) { return { pass: false, message: () => `not visible: ${String(locator)}: ${(e as Error).message.split('\n')[0]}` }; }
  },
  async toBeAbsent(locator: import('playwright-core').Locator) {
    let n = await locator.count();
    for (let i = 0; n > 0 && i < 50; i++) { await new Promise((r) => setTimeout(r, 200)); n = await locator.count(); }
    return { pass: n === 0, message: () => `${n} found: ${String(locator)}` };
  },
});
