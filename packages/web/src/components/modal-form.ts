// A form in a modal: validate, submit, keep the server's refusal to show inside, reset once closed.
import { useState } from 'react';
import { Form, type FormInstance } from 'antd';

/** The form's values, or null when a field is invalid (the form shows why). */
export async function validatedValues<V>(form: FormInstance<V>): Promise<V | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}

/**
 * The state of a modal holding one form: `submit` validates, calls `onSubmit` and then `onSuccess`, or keeps
 * the error; `afterOpenChange` (for antd's Modal) clears the fields and the error once the modal has closed.
 */
export function useModalForm<V>(onSubmit: (values: V) => Promise<unknown>, onSuccess: () => void) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    const values = await validatedValues(form);
    if (values === null) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      onSuccess();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const afterOpenChange = (open: boolean) => {
    if (!open) {
      form.resetFields();
      setError(null);
    }
  };

  return { form, busy, error, submit, afterOpenChange };
}
