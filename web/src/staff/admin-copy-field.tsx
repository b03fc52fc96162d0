// A secret or link shown as selectable text with a copy button: the new staff user's authenticator
// secret, otpauth URI and first password, which the server shows only once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyField({
  id,
  label,
  value,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setNote(t('staffAdmin.copied'));
    } catch {
      // No clipboard (insecure context, denied): select the text so Ctrl+C copies it.
      const range = document.createRange();
      const node = document.getElementById(id);
      if (node) {
        range.selectNodeContents(node);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
      setNote(t('staffAdmin.copyManually'));
    }
  };
  return (
    <div className="admin-copy">
      <dt>{label}</dt>
      <dd>
        <code id={id} className="admin-secret" data-testid={id}>
          {value}
        </code>
        <span className="admin-copy-actions">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('staffAdmin.copyLabel', { label })}
            onClick={() => void copy()}
          >
            {t('staffAdmin.copy')}
          </button>
          <span role="status" className="muted small">
            {note}
          </span>
        </span>
      </dd>
    </div>
  );
}
