import { useState, type ReactNode } from 'react';
import { Alert, Button, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../lib/api';

// Thrown by a submit handler when the person cancelled a confirmation: the form stays open silently.
export class Cancelled extends Error {
  constructor() {
    super('Đã hủy');
    this.name = 'Cancelled';
  }
}

// The form field an API error is about: the field a 400 names.
function namedField(error: ApiError): string | null {
  return error.status === 400 ? error.field : null;
}

// Puts an API error under the field it is about (by default the one a 400's `error.field` names; `fieldOf`
// for forms whose fields are not the API's); returns the message to show elsewhere when no field of this form
// matches, or null when it was placed under a field.
export function applyApiError(
  form: FormInstance,
  error: unknown,
  fieldOf: (error: ApiError) => string | null = namedField,
): string | null {
  const field = error instanceof ApiError ? fieldOf(error) : null;
  if (error instanceof ApiError && field) {
    const registered = Object.keys(form.getFieldsValue() ?? {});
    if (registered.includes(field)) {
      form.setFields([{ name: field, errors: [error.message] }]);
      form.scrollToField(field, { block: 'center' });
      return null;
    }
  }
  return errorMessage(error);
}

interface FormModalProps<T> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  // Throws ApiError on failure; the modal closes only on success.
  onSubmit: (values: T) => Promise<void>;
  initialValues?: Partial<T>;
  okText?: string;
  // The button that closes without saving ("Hủy" unless that would read as the action itself).
  cancelText?: string;
  // The submit button is red (destructive actions).
  danger?: boolean;
  testId?: string;
  width?: number;
  // The field an API error is about, when the form's fields are not the API's (default: a 400's `error.field`).
  errorField?: (error: ApiError) => string | null;
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
}

type BodyProps<T> = Omit<FormModalProps<T>, 'open' | 'title' | 'width'>;

// The form lives inside the modal body, so every opening starts from fresh initial values.
function FormModalBody<T extends object>({
  onClose,
  onSubmit,
  initialValues,
  okText,
  cancelText,
  danger,
  testId,
  errorField,
  children,
}: BodyProps<T>) {
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      setBusy(false);
      onClose();
    } catch (e) {
      setBusy(false);
      if (e instanceof Cancelled) return;
      setError(applyApiError(form, e, errorField));
    }
  };

  return (
    <div data-testid={testId}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form<T>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        // A server error under a field stays until that field is edited (the field's own rules run after this).
        onValuesChange={(changed) => {
          const stale = Object.keys(changed as object).filter((name) => form.getFieldError(name as never).length > 0);
          if (stale.length) form.setFields(stale.map((name) => ({ name: name as never, errors: [] })));
        }}
      >
        {typeof children === 'function' ? children(form) : children}
        <div className="modal-footer">
          <Button onClick={onClose} size="large">
            {cancelText ?? 'Hủy'}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            loading={busy}
            danger={danger}
            data-testid={testId ? `${testId}-submit` : undefined}
          >
            {okText ?? 'Lưu'}
          </Button>
        </div>
      </Form>
    </div>
  );
}

export default function FormModal<T extends object>({ title, open, width, onClose, ...body }: FormModalProps<T>) {
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden width={width} mask={{ closable: false }}>
      <FormModalBody<T> onClose={onClose} {...body} />
    </Modal>
  );
}
