// Small pieces the portal and console pages share: deadlines as the house shows them, idempotency keys, file saves.
import { Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n';

/** Every deadline says when it falls and whether the working-day calendar behind it is official. */
export function Deadline({ at, day, official, overdue, pending }: { at?: string | null; day?: string | null; official?: boolean | null; overdue?: boolean | null; pending?: boolean }) {
  const t = useT();
  // The workflow sets some deadlines a moment after the write: say so instead of showing nothing.
  if (!at && !day) return pending ? <Tag data-testid="deadline-pending">{t('期限计算中')}</Tag> : null;
  const when = day ?? new Date(at!).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).replace(/:\d\d$/, '');
  return (
    <Space size={4} wrap data-testid="deadline">
      <span>{when}</span>
      {official == null ? null : official
        ? <Tag color="green">{t('官方日历')}</Tag>
        : <Tooltip title={t('该年度国务院节假日安排未发布，按法定节假日推算')}><Tag color="gold">{t('暂定日历')}</Tag></Tooltip>}
      {overdue && <Tag color="red">{t('已逾期')}</Tag>}
    </Space>
  );
}

const newKey = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

/** One key per form fill: a retried submit returns the first result; `renew` after a success. */
export function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(newKey);
  return [key, () => setKey(newKey())];
}

/** Saves a base64 file the graph returned (exports) under its own name. */
export function saveBase64(filename: string, contentType: string, base64: string): void {
  const a = document.createElement('a');
  a.href = `data:${contentType};base64,${base64}`;
  a.download = filename;
  a.click();
}

export const day = (iso?: string | null) => (iso ? iso.slice(0, 10) : '');
