import { useQuery } from '@apollo/client';
import { Badge, Button, ConfigProvider, Layout, Menu, Result, Segmented, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useContext, useState, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth';
import { MeDocument } from './gql/portal';
import { NotificationBell } from './NotificationBell';
import { LangContext, useT, type Lang } from './i18n';
import { useMyTasks } from './pages/console/tasks-query';
import { DatasetPage } from './pages/DatasetPage';
import { Datasets } from './pages/Datasets';

// The console is loaded on demand: the open-data portal's first load stays small.
const Catalog = lazy(() => import('./pages/console/Catalog'));
const Resource = lazy(() => import('./pages/console/Resource'));
const NewResource = lazy(() => import('./pages/console/NewResource'));
const Changes = lazy(() => import('./pages/console/Changes'));
const Applications = lazy(() => import('./pages/console/Applications'));
const Grants = lazy(() => import('./pages/console/Grants'));
const Import = lazy(() => import('./pages/console/Import'));
const Audit = lazy(() => import('./pages/console/Audit'));
const Assessment = lazy(() => import('./pages/console/Assessment'));
const Quality = lazy(() => import('./pages/console/Quality'));
const Objections = lazy(() => import('./pages/console/Objections'));
const Projects = lazy(() => import('./pages/console/Projects'));
const OpenDataApplications = lazy(() => import('./pages/console/OpenDataApplications'));
const Tasks = lazy(() => import('./pages/console/Tasks'));
const Calendar = lazy(() => import('./pages/console/Calendar'));
const Security = lazy(() => import('./pages/console/Security'));
const Webhooks = lazy(() => import('./pages/console/Webhooks'));
const Stats = lazy(() => import('./pages/Stats'));
const ApiKeys = lazy(() => import('./pages/ApiKeys'));
const Apply = lazy(() => import('./pages/Apply'));
const Mine = lazy(() => import('./pages/Mine'));
const Interact = lazy(() => import('./pages/Interact'));
const Showcase = lazy(() => import('./pages/Showcase'));

export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('lang') === 'en' ? 'en' : 'zh'));
  const choose = (l: Lang) => { localStorage.setItem('lang', l); document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN'; setLang(l); };
  return (
    <LangContext.Provider value={{ lang, setLang: choose }}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#0958d9', colorLink: '#0958d9', colorError: '#cf1322',
        // Darker text of the status tags: the default green/gold/orange/volcano on their light backgrounds fail WCAG AA contrast.
        green7: '#237804', gold7: '#874d00', orange7: '#ad4e00', volcano7: '#ad2102', colorTextDescription: 'rgba(0, 0, 0, 0.65)' } }}>
        <Shell />
      </ConfigProvider>
    </LangContext.Provider>
  );
}

function Shell() {
  const t = useT();
  const { user, login, logout } = useAuth();
  const { lang, setLang } = useContext(LangContext);
  const location = useLocation();
  const me = useQuery(MeDocument, { skip: !user });
  const console_ = location.pathname.startsWith('/console');
  const publicUser = !!me.data?.me?.roles.includes('public');
  const items = console_
    ? [['/console/tasks', '待办'], ['/console/catalog', '目录'], ['/console/changes', '变更申请'], ['/console/applications', '共享申请'], ['/console/grants', '共享授权'],
      ['/console/import', '批量导入'], ['/console/open-data', '开放申请'], ['/console/quality', '数据质量'], ['/console/objections', '数据异议'], ['/console/projects', '信息化项目'], ['/console/security', '数据安全'], ['/console/webhooks', '消息推送'],
      ['/console/audit', '审计日志'], ['/console/assessment', '考核排名'], ['/console/calendar', '工作日历']]
    : [];
  // The menu's badges: how many items wait on the caller per page (the 待办 page's own query, one cache entry).
  const tasks = useMyTasks(!user || !console_ || !me.data || publicUser).data?.myTasks;
  const count = (...types: string[]) => tasks?.counts.filter((c) => types.includes(c.type)).reduce((n, c) => n + c.count, 0) ?? 0;
  const badges: Record<string, number> = {
    '/console/tasks': tasks?.total ?? 0, '/console/catalog': count('CATALOG_REVIEW'), '/console/changes': count('CHANGE_REVIEW'),
    '/console/applications': count('SHARE_DECISION'), '/console/quality': count('QUALITY_FIX', 'QUALITY_VERIFY'), '/console/open-data': count('OPEN_DATA_DECISION', 'OPEN_DATA_CASE_ANSWER'),
    '/console/objections': count('OBJECTION_SUSPEND', 'OBJECTION_DECIDE', 'OBJECTION_ANSWER'), '/console/projects': count('PROJECT_STEP'), '/console/security': count('EMERGENCY_DRILL'),
    '/console/grants': count('AGREEMENT_SIGN'),
  };
  const selected = items.map(([k]) => k).filter((k) => location.pathname.startsWith(k));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#fff', borderBottom: '1px solid #eee' }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 18, whiteSpace: 'nowrap' }}>{t('政务数据资源平台')}</Typography.Title>
        <nav aria-label={t('政务数据资源平台')} style={{ display: 'flex', gap: 16 }}>
          <Link to="/portal">{t('开放数据')}</Link>
          <Link to="/portal/stats">{t('统计')}</Link>
          <Link to="/portal/showcase">{t('应用展示')}</Link>
          <Link to="/portal/interact">{t('互动')}</Link>
          {/* Applications and API keys are a registered public user's (the graph allows them to role public only). */}
          {publicUser && <Link to="/portal/mine">{t('我的申请')}</Link>}
          {publicUser && <Link to="/portal/keys">{t('API 密钥')}</Link>}
          <Link to="/console">{t('工作台')}</Link>
        </nav>
        <div style={{ flex: 1 }} />
        <Space>
          <Segmented aria-label={t('语言')} size="small" value={lang} onChange={(v) => setLang(v as Lang)} options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]} />
          {user
            ? <>{me.data && <NotificationBell />}
                <Typography.Text data-testid="username">{me.data?.me?.username ?? user.profile.preferred_username}{me.data?.me?.department ? ` · ${me.data.me?.department.name}` : ''}</Typography.Text>
                <Button onClick={() => void logout()}>{t('退出')}</Button></>
            : <Button type="primary" onClick={() => void login()}>{t('登录')}</Button>}
        </Space>
      </Layout.Header>
      <Layout>
        {console_ && (
          <Layout.Sider width={180} theme="light" style={{ borderRight: '1px solid #eee' }}>
            <Menu mode="inline" selectedKeys={selected} items={items.map(([k, label]) => ({ key: k, label: <Link to={k}>{t(label)}{badges[k] ? <Badge count={badges[k]} size="small" color="#cf1322" offset={[6, -2]} data-testid={`badge-${k.slice(9)}`} /> : null}</Link> }))} />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Suspense fallback={<Spin />}>
              <Routes>
                <Route path="/" element={<Navigate to="/portal" replace />} />
                <Route path="/callback" element={<Spin />} />
                <Route path="/portal" element={<Datasets />} />
                <Route path="/portal/datasets/:id" element={<DatasetPage />} />
                <Route path="/portal/stats" element={<Stats />} />
                <Route path="/portal/showcase" element={<Showcase />} />
                <Route path="/portal/interact" element={<Interact />} />
                <Route path="/portal/apply/:id" element={<Staff><Apply /></Staff>} />
                <Route path="/portal/mine" element={<Staff><Mine /></Staff>} />
                <Route path="/portal/keys" element={<Staff><ApiKeys /></Staff>} />
                <Route path="/console" element={<Navigate to="/console/tasks" replace />} />
                <Route path="/console/tasks" element={<Staff><Tasks /></Staff>} />
                <Route path="/console/open-data" element={<Staff><OpenDataApplications /></Staff>} />
                <Route path="/console/calendar" element={<Staff><Calendar /></Staff>} />
                <Route path="/console/catalog" element={<Staff><Catalog /></Staff>} />
                <Route path="/console/catalog/new" element={<Staff><NewResource /></Staff>} />
                <Route path="/console/catalog/:id" element={<Staff><Resource /></Staff>} />
                <Route path="/console/changes" element={<Staff><Changes /></Staff>} />
                <Route path="/console/applications" element={<Staff><Applications /></Staff>} />
                <Route path="/console/grants" element={<Staff><Grants /></Staff>} />
                <Route path="/console/import" element={<Staff><Import /></Staff>} />
                <Route path="/console/quality" element={<Staff><Quality /></Staff>} />
                <Route path="/console/objections" element={<Staff><Objections /></Staff>} />
                <Route path="/console/projects" element={<Staff><Projects /></Staff>} />
                <Route path="/console/security" element={<Staff><Security /></Staff>} />
                <Route path="/console/webhooks" element={<Staff><Webhooks /></Staff>} />
                <Route path="/console/audit" element={<Staff><Audit /></Staff>} />
                <Route path="/console/assessment" element={<Staff><Assessment /></Staff>} />
                <Route path="*" element={<Result status="404" title="404" />} />
              </Routes>
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Console pages (and the portal's personal pages) need a login; the graph decides what each role sees and may do. */
function Staff({ children }: { children: ReactNode }) {
  const t = useT();
  const { user, login } = useAuth();
  if (!user) return <Result status="403" title={t('需登录')} extra={<Button type="primary" onClick={() => void login()}>{t('登录')}</Button>} />;
  return <>{children}</>;
}
