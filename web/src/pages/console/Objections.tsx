// Objections to data (wrong, incomplete, privacy, trade secret), 000 §26: the authority of a covering region orders the
// suspension (RECEIVED → SUSPENDED), the source department verifies and decides (withdraw / fix / restore → DECIDED),
// the authority answers the objector (→ ANSWERED). Each step shows the graph's field errors beside its field.
import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Form, Input, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { MeDocument } from '../../gql/portal';
import { AnswerObjectionDocument, DecideObjectionDocument, ObjectionsDocument, SuspendObjectedDataDocument } from '../../gql/quality';
import { type ObjectionDecision, type ObjectionsQuery } from '../../gql/graphql';
import { messageOf } from '../../errors';
import { useT } from '../../i18n';
import { Deadline, day } from '../common';
import { FormModal } from './FormModal';

type Objection = NonNullable<ObjectionsQuery['objections']>['edges'][number]['node'];
const STATUS_COLOR: Record<string, string> = { RECEIVED: 'red', SUSPENDED: 'orange', DECIDED: 'blue', ANSWERED: 'green' };

export default function Objections() {
  const t = useT();
  const me = useQuery(MeDocument).data?.me;
  const { data, error, loading, refetch } = useQuery(ObjectionsDocument, { variables: { first: 100 } });
  const [suspend] = useMutation(SuspendObjectedDataDocument);
  const [failure, setFailure] = useState<string>();
  const [deciding, setDeciding] = useState<Objection | null>(null);
  const [answering, setAnswering] = useState<Objection | null>(null);
  const rows = data?.objections?.edges.map((e) => e.node) ?? [];
  const authority = !!me?.roles.includes('authority');
  const owner = (o: Objection) => !!me?.roles.includes('dept-admin') && me.departmentId === o.departmentId;
  const doSuspend = async (o: Objection) => {
    setFailure(undefined);
    try { await suspend({ variables: { id: o.id } }); await refetch(); } catch (e) { setFailure(messageOf(e)); }
  };
  const action = (o: Objection) => {
    if (o.status === 'RECEIVED' && authority) {
      return (
        <Popconfirm title={t('责令暂停采集、共享和开放该数据？')} okText={t('暂停使用')} cancelText={t('取消')} onConfirm={() => doSuspend(o)}>
          <Button size="small" danger>{t('暂停使用')}</Button>
        </Popconfirm>
      );
    }
    if (o.status === 'SUSPENDED' && owner(o)) return <Button size="small" type="primary" onClick={() => setDeciding(o)}>{t('核实决定')}</Button>;
    if (o.status === 'DECIDED' && authority) return <Button size="small" type="primary" onClick={() => setAnswering(o)}>{t('答复异议人')}</Button>;
    return null;
  };
  const done = async (ok: boolean) => { setDeciding(null); setAnswering(null); if (ok) await refetch(); };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('数据异议')}</Typography.Title>
      {error && <Alert type="error" message={messageOf(error)} />}
      {failure && <Alert type="error" message={failure} closable onClose={() => setFailure(undefined)} />}
      <Table size="small" rowKey="id" loading={loading && !data} data-testid="objections" dataSource={rows}
        columns={[
          { title: t('资源'), render: (_: unknown, o) => o.resource?.name ?? o.resourceId },
          { title: t('异议人'), render: (_: unknown, o) => <Space size={2}>{o.objectorName}{o.onPaper && <Tag>{t('书面')}</Tag>}</Space> },
          { title: t('理由'), render: (_: unknown, o) => t(o.ground) },
          { title: t('描述'), dataIndex: 'description' },
          { title: t('状态'), render: (_: unknown, o) => <Space size={2}><Tag color={STATUS_COLOR[o.status]}>{t(o.status)}</Tag>{o.suspended && <Tag color="orange">{t('已暂停使用')}</Tag>}</Space> },
          { title: t('核实期限'), render: (_: unknown, o) => (o.status === 'RECEIVED' || o.status === 'SUSPENDED')
            ? <Deadline at={o.verifyDeadline} day={o.verifyDeadlineDay} official={o.verifyDeadlineOfficial} overdue={!!o.verifyDeadline && new Date(o.verifyDeadline) < new Date()} pending={o.status === 'SUSPENDED'} /> : null },
          { title: t('决定'), render: (_: unknown, o) => [o.decision && t(o.decision), o.finding].filter(Boolean).join(' · ') },
          { title: t('答复'), dataIndex: 'answer' },
          { title: t('时间'), render: (_: unknown, o) => day(o.createdAt) },
          { title: t('操作'), render: (_: unknown, o) => action(o) },
        ]} />
      {deciding && <DecideModal objection={deciding} onClose={done} />}
      {answering && <AnswerModal objection={answering} onClose={done} />}
    </Space>
  );
}

/** The source department's verdict after verifying: withdraw (stays suspended), fix or restore (suspension lifted). */
function DecideModal({ objection, onClose }: { objection: Objection; onClose: (done: boolean) => void }) {
  const t = useT();
  const [decide] = useMutation(DecideObjectionDocument);
  return (
    <FormModal<{ decision: ObjectionDecision; finding: string }> title={`${t('核实决定')} · ${objection.resource?.name ?? objection.resourceId}`} fields={['decision', 'finding']}
      initialValues={{ decision: 'FIX' }} onClose={onClose}
      run={(v) => decide({ variables: { id: objection.id, decision: v.decision, finding: v.finding ?? '' } })}>
      <Typography.Paragraph>{objection.description}</Typography.Paragraph>
      <Form.Item name="decision" label={t('处理决定')}>
        <Radio.Group options={(['WITHDRAW', 'FIX', 'RESTORE'] as const).map((d) => ({ value: d, label: t(d === 'WITHDRAW' ? '撤回数据' : d === 'FIX' ? '更正数据' : '恢复使用') }))} />
      </Form.Item>
      {/* Blank findings are refused by the graph ("must not be blank"), shown here beside the field. */}
      <Form.Item name="finding" label={t('核实情况')} rules={[{ required: true, message: t('必填') }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** The authority's answer to the objector. */
function AnswerModal({ objection, onClose }: { objection: Objection; onClose: (done: boolean) => void }) {
  const t = useT();
  const [answer] = useMutation(AnswerObjectionDocument);
  return (
    <FormModal<{ answer: string }> title={`${t('答复异议人')} · ${objection.objectorName}`} fields={['answer']} onClose={onClose}
      run={(v) => answer({ variables: { id: objection.id, answer: v.answer ?? '' } })}>
      <Typography.Paragraph>{t(objection.decision ?? '')} · {objection.finding}</Typography.Paragraph>
      <Form.Item name="answer" label={t('答复内容')} rules={[{ required: true, message: t('必填') }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
