// Data security (000 §24, 003 §32(二)): the department's emergency plans — registered, revised (versioned), drilled at
// least yearly (due / overdue) — and the consumer's security-capability check a grant needs before its first delivery
// (the consumer declares, the provider department or the platform operator confirms). Department administrators keep
// their department's plans; the authority and the operator see (and keep the region-wide plans of) their region.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { MeDocument } from '../../gql/portal';
import { CapabilityGrantsDocument, ConfirmSecurityCapabilityDocument, DeclareSecurityCapabilityDocument, EmergencyPlansDocument, RecordEmergencyDrillDocument, RegisterEmergencyPlanDocument, ReviseEmergencyPlanDocument } from '../../gql/security';
import { type CapabilityGrantsQuery, type EmergencyPlansQuery, type MeQuery } from '../../gql/graphql';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';
import { day } from '../common';
import { FormModal, lines } from './FormModal';

type Plan = NonNullable<EmergencyPlansQuery['emergencyPlans']>['edges'][number]['node'];
type Grant = NonNullable<CapabilityGrantsQuery['shareGrants']>['edges'][number]['node'];
type Me = NonNullable<MeQuery['me']>;
const KEEPERS = ['authority', 'platform-operator', 'dept-admin'];
const chinaToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export default function Security() {
  const t = useT();
  const me = useQuery(MeDocument).data?.me;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('数据安全')}</Typography.Title>
      <Tabs items={[
        { key: 'plans', label: t('应急预案'), children: <Plans me={me} /> },
        { key: 'capability', label: t('安全能力核验'), children: <Capability me={me} /> },
      ]} />
    </Space>
  );
}

function Plans({ me }: { me: Me | null | undefined }) {
  const t = useT();
  const [overdue, setOverdue] = useState<boolean | null>(null);
  const { data, error, loading, refetch } = useQuery(EmergencyPlansDocument, { variables: { first: 100, filter: overdue == null ? null : { drillOverdue: overdue } } });
  const [modal, setModal] = useState<{ kind: 'register' } | { kind: 'revise' | 'drill'; plan: Plan } | null>(null);
  const plans = data?.emergencyPlans?.edges.map((e) => e.node) ?? [];
  const keeper = !!me?.roles.some((r) => KEEPERS.includes(r));
  const regionKeeper = !!me?.roles.some((r) => r === 'authority' || r === 'platform-operator');
  const mayKeep = (p: Plan) => keeper && (regionKeeper || me?.departmentId === p.departmentId);
  const close = async (done: boolean) => { setModal(null); if (done) await refetch(); };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" message={messageOf(error)} />}
      <Space wrap>
        <Radio.Group value={overdue} onChange={(e) => setOverdue(e.target.value)} optionType="button"
          options={[{ value: null, label: t('全部') }, { value: true, label: t('演练逾期') }, { value: false, label: t('按期演练') }]} />
        {keeper && <Button type="primary" onClick={() => setModal({ kind: 'register' })}>{t('登记预案')}</Button>}
      </Space>
      <Table size="small" rowKey="id" loading={loading && !data} data-testid="emergency-plans" dataSource={plans}
        expandable={{ expandedRowRender: (p) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.text}</Typography.Paragraph>
            <Typography.Text strong>{t('版本历史')}</Typography.Text>
            <Table size="small" rowKey="version" pagination={false} dataSource={p.versions}
              columns={[{ title: t('版本'), dataIndex: 'version' }, { title: t('说明'), dataIndex: 'note' }, { title: t('操作人'), dataIndex: 'createdBy' }, { title: t('时间'), render: (_: unknown, v) => day(v.createdAt) }]} />
            <Typography.Text strong>{t('演练记录')}</Typography.Text>
            <Table size="small" rowKey="id" pagination={false} dataSource={p.drills} data-testid="drills"
              columns={[
                { title: t('演练日期'), dataIndex: 'drilledOn' }, { title: t('版本'), dataIndex: 'planVersion' },
                { title: t('参与人员'), render: (_: unknown, d) => d.participants.join('、') }, { title: t('演练发现'), dataIndex: 'findings' },
                { title: t('整改措施'), render: (_: unknown, d) => d.followUpActions.join('；') }, { title: t('记录人'), dataIndex: 'recordedBy' },
              ]} />
          </Space>) }}
        columns={[
          { title: t('名称'), render: (_: unknown, p) => <Space size={2}>{p.title}{p.regionWide && <Tag color="blue">{t('区域总体预案')}</Tag>}</Space> },
          { title: t('部门'), render: (_: unknown, p: Plan) => p.department.name ?? p.departmentId },
          { title: t('版本'), dataIndex: 'version' },
          { title: t('最近演练'), render: (_: unknown, p) => p.lastDrilledOn ?? <Typography.Text type="secondary">{t('未演练')}</Typography.Text> },
          { title: t('演练到期'), render: (_: unknown, p) => <Space size={4} data-testid="drill-due"><span>{p.drillDueOn}</span>{p.drillOverdue ? <Tag color="red">{t('演练逾期')}</Tag> : <Tag color="green">{t('按期')}</Tag>}</Space> },
          { title: t('更新时间'), render: (_: unknown, p) => day(p.updatedAt) },
          { title: t('操作'), render: (_: unknown, p) => mayKeep(p) ? (
            <Space size={4}>
              <Button size="small" onClick={() => setModal({ kind: 'revise', plan: p })}>{t('修订')}</Button>
              <Button size="small" type="primary" onClick={() => setModal({ kind: 'drill', plan: p })}>{t('记录演练')}</Button>
            </Space>) : null },
        ]} />
      {modal?.kind === 'register' && <RegisterModal regionKeeper={regionKeeper} onClose={close} />}
      {modal?.kind === 'revise' && <ReviseModal plan={modal.plan} onClose={close} />}
      {modal?.kind === 'drill' && <DrillModal plan={modal.plan} onClose={close} />}
    </Space>
  );
}

function RegisterModal({ regionKeeper, onClose }: { regionKeeper: boolean; onClose: (done: boolean) => void }) {
  const t = useT();
  const [register] = useMutation(RegisterEmergencyPlanDocument);
  return (
    <FormModal<{ title: string; text: string; regionWide?: boolean }> title={t('登记预案')} fields={['title', 'text', 'regionWide']} onClose={onClose}
      run={(v) => register({ variables: { input: { title: v.title, text: v.text, regionWide: v.regionWide ?? null } } })}>
      <Form.Item name="title" label={t('预案名称')} rules={[{ required: true, message: t('必填') }]}><Input /></Form.Item>
      <Form.Item name="text" label={t('预案正文')} rules={[{ required: true, message: t('必填') }]}><Input.TextArea rows={6} /></Form.Item>
      {regionKeeper && <Form.Item name="regionWide" valuePropName="checked"><Checkbox>{t('区域总体预案')}</Checkbox></Form.Item>}
    </FormModal>
  );
}

function ReviseModal({ plan, onClose }: { plan: Plan; onClose: (done: boolean) => void }) {
  const t = useT();
  const [revise] = useMutation(ReviseEmergencyPlanDocument);
  return (
    <FormModal<{ title?: string; text: string; note: string }> title={`${t('修订')} · ${plan.title}`} fields={['title', 'text', 'note']}
      initialValues={{ title: plan.title, text: plan.text }} onClose={onClose}
      run={(v) => revise({ variables: { input: { id: plan.id, text: v.text, note: v.note, title: v.title?.trim() && v.title !== plan.title ? v.title : null } } })}>
      <Form.Item name="title" label={t('预案名称')}><Input /></Form.Item>
      <Form.Item name="text" label={t('预案正文')} rules={[{ required: true, message: t('必填') }]}><Input.TextArea rows={6} /></Form.Item>
      <Form.Item name="note" label={t('修订说明')} rules={[{ required: true, message: t('必填') }]}><Input.TextArea rows={2} /></Form.Item>
    </FormModal>
  );
}

/** A drill is recorded after it took place: the graph refuses a future day beside its field. */
function DrillModal({ plan, onClose }: { plan: Plan; onClose: (done: boolean) => void }) {
  const t = useT();
  const [record] = useMutation(RecordEmergencyDrillDocument);
  return (
    <FormModal<{ drilledOn: string; participants: string; findings: string; followUpActions?: string }> title={`${t('记录演练')} · ${plan.title}`}
      fields={['drilledOn', 'participants', 'findings', 'followUpActions']} initialValues={{ drilledOn: chinaToday() }} onClose={onClose}
      run={(v) => record({ variables: { input: { planId: plan.id, drilledOn: v.drilledOn.trim(), participants: lines(v.participants), findings: v.findings, followUpActions: lines(v.followUpActions) } } })}>
      <Form.Item name="drilledOn" label={t('演练日期')} extra="YYYY-MM-DD" rules={[{ required: true, message: t('必填') }]}><Input /></Form.Item>
      <Form.Item name="participants" label={t('参与人员（每行一个）')} rules={[{ required: true, message: t('必填') }]}><Input.TextArea rows={3} /></Form.Item>
      <Form.Item name="findings" label={t('演练发现')} rules={[{ required: true, message: t('必填') }]}><Input.TextArea rows={3} /></Form.Item>
      <Form.Item name="followUpActions" label={t('整改措施（每行一项）')}><Input.TextArea rows={3} /></Form.Item>
    </FormModal>
  );
}

const CAP_COLOR: Record<string, string> = { DECLARED: 'blue', PASSED: 'green', FAILED: 'red' };
const CAP_LABEL: Record<string, string> = { DECLARED: '已申报待确认', PASSED: '核验通过', FAILED: '核验未通过' };

function Capability({ me }: { me: Me | null | undefined }) {
  const t = useT();
  const { data, error, loading, refetch } = useQuery(CapabilityGrantsDocument, { variables: { first: 100 } });
  const plans = useQuery(EmergencyPlansDocument, { variables: { first: 100, filter: null } });
  const [modal, setModal] = useState<{ kind: 'declare' | 'confirm'; grant: Grant } | null>(null);
  const grants = data?.shareGrants?.edges.map((e) => e.node) ?? [];
  const has = (r: string) => !!me?.roles.includes(r);
  const consumer = (g: Grant) => me?.departmentId === g.consumerDepartmentId;
  const confirmer = (g: Grant) => has('platform-operator') || ((has('dept-admin') || has('dept-approver')) && me?.departmentId === g.providerDepartmentId);
  const close = async (done: boolean) => { setModal(null); if (done) await refetch(); };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('授权首次交付前，使用部门须申报数据安全保障能力，经提供部门或平台运营方确认')}</Typography.Paragraph>
      {error && <Alert type="error" message={messageOf(error)} />}
      <Table size="small" rowKey="id" loading={loading && !data} data-testid="capability-grants" dataSource={grants}
        columns={[
          { title: t('资源'), render: (_: unknown, g) => g.resource?.name ?? g.id },
          { title: t('场景'), dataIndex: 'scenario' },
          { title: t('使用方'), render: (_: unknown, g: Grant) => g.consumerDepartment.name ?? g.consumerDepartmentId },
          { title: t('提供方'), render: (_: unknown, g: Grant) => g.providerDepartment.name ?? g.providerDepartmentId },
          { title: t('授权状态'), render: (_: unknown, g) => <Space size={2}><Tag>{g.status}</Tag>{g.agreementSigned && <Tag color="green">{t('协议已签')}</Tag>}</Space> },
          { title: t('安全能力'), render: (_: unknown, g) => {
            const c = g.securityCapability;
            if (!c) return <Tag color="gold">{t('未申报')}</Tag>;
            return <Space direction="vertical" size={0}>
              <Tag color={CAP_COLOR[c.status]}>{t(CAP_LABEL[c.status])}</Tag>
              <Typography.Text type="secondary">{t('等保')} {c.gradeProtectionLevel} · {c.systems.join('、')}</Typography.Text>
              {c.remarks && <Typography.Text type="secondary">{c.remarks}</Typography.Text>}
            </Space>;
          } },
          { title: t('操作'), render: (_: unknown, g) => (
            <Space size={4}>
              {consumer(g) && g.securityCapability?.status !== 'PASSED' && <Button size="small" type="primary" onClick={() => setModal({ kind: 'declare', grant: g })}>{t('申报')}</Button>}
              {confirmer(g) && g.securityCapability?.status === 'DECLARED' && <Button size="small" type="primary" onClick={() => setModal({ kind: 'confirm', grant: g })}>{t('确认')}</Button>}
            </Space>) },
        ]} />
      {modal?.kind === 'declare' && <DeclareModal grant={modal.grant} plans={plans.data?.emergencyPlans?.edges.map((e) => e.node) ?? []} onClose={close} />}
      {modal?.kind === 'confirm' && <ConfirmModal grant={modal.grant} onClose={close} />}
    </Space>
  );
}

function DeclareModal({ grant, plans, onClose }: { grant: Grant; plans: Plan[]; onClose: (done: boolean) => void }) {
  const t = useT();
  const [declare] = useMutation(DeclareSecurityCapabilityDocument);
  const c = grant.securityCapability;
  return (
    <FormModal<{ responsiblePerson: string; systems: string; gradeProtectionLevel: number; emergencyPlanId: string }> title={`${t('申报安全能力')} · ${grant.resource?.name ?? grant.id}`}
      fields={['responsiblePerson', 'systems', 'gradeProtectionLevel', 'emergencyPlanId']} onClose={onClose}
      initialValues={c ? { responsiblePerson: c.responsiblePerson, systems: c.systems.join('\n'), gradeProtectionLevel: c.gradeProtectionLevel, emergencyPlanId: c.emergencyPlanId } : { gradeProtectionLevel: 3 }}
      run={(v) => declare({ variables: { grantId: grant.id, input: { responsiblePerson: v.responsiblePerson, systems: lines(v.systems), gradeProtectionLevel: v.gradeProtectionLevel, emergencyPlanId: v.emergencyPlanId ?? '' } } })}>
      <Form.Item name="responsiblePerson" label={t('安全管理负责人')} rules={[{ required: true, message: t('必填') }]}><Input /></Form.Item>
      <Form.Item name="systems" label={t('承载数据的系统（每行一个）')} rules={[{ required: true, message: t('必填') }]}><Input.TextArea rows={2} /></Form.Item>
      <Form.Item name="gradeProtectionLevel" label={t('等保级别')} rules={[{ required: true, message: t('必填') }]}><InputNumber min={1} max={5} /></Form.Item>
      <Form.Item name="emergencyPlanId" label={t('应急预案')} rules={[{ required: true, message: t('必填') }]}>
        <Select options={plans.map((p) => ({ value: p.id, label: `${p.title}${p.regionWide ? ` (${t('区域总体预案')})` : ''}` }))} />
      </Form.Item>
    </FormModal>
  );
}

/** A failed check says what is insufficient: the graph asks for the remarks, beside their field. */
function ConfirmModal({ grant, onClose }: { grant: Grant; onClose: (done: boolean) => void }) {
  const t = useT();
  const [confirm] = useMutation(ConfirmSecurityCapabilityDocument);
  const c = grant.securityCapability!;
  return (
    <FormModal<{ passed: boolean; remarks?: string }> title={`${t('确认安全能力')} · ${grant.resource?.name ?? grant.id}`} fields={['passed', 'remarks']}
      initialValues={{ passed: true }} onClose={onClose}
      run={(v) => confirm({ variables: { grantId: grant.id, passed: v.passed, remarks: v.remarks?.trim() || null } })}>
      <Typography.Paragraph>{t('安全管理负责人')}: {c.responsiblePerson} · {t('等保级别')} {c.gradeProtectionLevel} · {c.systems.join('、')}</Typography.Paragraph>
      <Form.Item name="passed" label={t('核验结果')}>
        <Radio.Group options={[{ value: true, label: t('通过') }, { value: false, label: t('不通过') }]} />
      </Form.Item>
      <Form.Item name="remarks" label={t('意见')}><Input.TextArea rows={3} /></Form.Item>
    </FormModal>
  );
}
