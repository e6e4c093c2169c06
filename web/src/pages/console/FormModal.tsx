// One modal form for a console action: the graph's BAD_USER_INPUT reasons beside their fields, anything else in a
// banner; closes on success. The pages' own forms keep their shape; this is for the small decision dialogs.
import { Alert, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { fieldProblems, messageOf, showFieldErrors } from '../../errors';

export function FormModal<V extends object>({ title, fields, initialValues, run, onClose, children }: {
  title: string;
  /** the form's field names: a problem of any other field goes to the banner */
  fields: string[];
  initialValues?: Partial<V>;
  run: (values: V) => Promise<unknown>;
  onClose: (done: boolean) => void;
  children: ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const submit = async (values: V) => {
    setFailure(undefined);
    setBusy(true);
    try {
      await run(values);
      onClose(true);
    } catch (e) {
      const rest = showFieldErrors(form, e, fields);
      if (rest.length || !fieldProblems(e).length) setFailure(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={busy} destroyOnClose>
      {failure && <Alert type="error" message={failure} style={{ marginBottom: 12 }} data-testid="form-failure" />}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void submit(v)}>
        {children}
      </Form>
    </Modal>
  );
}

/** Lines (or commas) of a text area → a list without blanks. */
export const lines = (s?: string | null): string[] => (s ?? '').split(/[\n,，、]/).map((x) => x.trim()).filter(Boolean);
