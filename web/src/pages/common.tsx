// Small pieces the portal and console pages share: deadlines as the house shows them, idempotency keys, file saves.
import { Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n';

/** Every deadline says when it falls and whether the working-day calendar behind it is official. */
export function Deadline({ at, day, official, overdue, pending }: { at?: string | null; day?: string | null; official?: boolean | null; overdue?: boolean | null; pending?: boolean }) {
  const t = useT();
  // The workflow sets some deadlines a moment after the write: say so instead of showing nothing.
  if (!at && !day) return pending ? <Tag data-testid="deadline-pending">{t('期限计算中')}</Tag> : null;
  const when = day ?? beijing(at!);
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

/** An instant in Beijing time; a deadline at the end of a China day (next day 00:00) reads as that day's 24:00. */
function beijing(at: string): string {
  const ms = Date.parse(at);
  const endOfDay = new Date(ms).toLocaleTimeString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }) === '00:00:00';
  if (endOfDay) return `${new Date(ms - 1).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })} 24:00`;
  return new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
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
