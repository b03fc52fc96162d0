// The "Lapor" dialog on a contribution alert: what staff will receive, an optional payslip (PDF, JPG or
// PNG), and send. The server judges the file; its problem codes come back as the file field's error.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import { FormError, useErrorText } from '../components/feedback';
import { Icon } from '../components/icons';
import { reportFinding, type ReportOutcome } from './notification-api';
import './report-dialog.css';

/** Problems that are about the chosen file, shown on the file field rather than above the form. */
const PAYSLIP_PROBLEMS: readonly string[] = ['alert_payslip_too_large', 'alert_payslip_type_invalid'];

export function ReportDialog({
  id,
  findingId,
  title,
  onClose,
  onReported,
}: {
  readonly id: string;
  readonly findingId: number;
  /** The alert's own title, so the member sees which months they report. */
  readonly title: string;
  readonly onClose: () => void;
  readonly onReported: (outcome: ReportOutcome) => Promise<void>;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const [payslip, setPayslip] = useState<File | null>(null);
  const report = useMutation({
    mutationFn: () => reportFinding(findingId, payslip),
    onSuccess: onReported,
  });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate();
  };
  const isPayslipProblem =
    report.error instanceof ProblemError && PAYSLIP_PROBLEMS.includes(report.error.problem.code);
  const field = `${id}-payslip`;
  return (
    <dialog
      ref={dialog}
      className="report-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-lead`}
      // Only a close that leaves the dialog shut (React's development double effect reopens it at once).
      onClose={() => {
        if (!dialog.current?.open) onClose();
      }}
    >
      <form className="form" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{t('notifications.reportTitle')}</h2>
        <p className="row-title">{title}</p>
        <p id={`${id}-lead`}>{t('notifications.reportHint')}</p>
        <FormError error={isPayslipProblem ? null : report.error} />
        {/* The browser's own file button speaks the browser's language ("Choose File"); this one is a
            label in the page's language for a visually hidden input that stays focusable. */}
        <div
          className={`field${isPayslipProblem ? ' field--invalid' : ''}`}
          role="group"
          aria-labelledby={`${field}-title`}
        >
          <p className="field-title" id={`${field}-title`}>
            {t('notifications.payslip')}
          </p>
          <p className="field-hint" id={`${field}-hint`}>
            {t('notifications.payslipHint')}
          </p>
          {isPayslipProblem ? (
            <p className="field-error" id={`${field}-error`}>
              <span aria-hidden="true">⚠ </span>
              {errorText(report.error)}
            </p>
          ) : null}
          <div className="file-picker">
            <input
              id={field}
              className="file-picker-input"
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-invalid={isPayslipProblem ? true : undefined}
              aria-describedby={[`${field}-hint`, `${field}-name`, isPayslipProblem ? `${field}-error` : '']
                .filter(Boolean)
                .join(' ')}
              onChange={(event) => {
                setPayslip(event.target.files?.[0] ?? null);
                report.reset();
              }}
            />
            <label htmlFor={field} className="button button--secondary">
              <Icon name="document" size={20} /> {t('notifications.chooseFile')}
            </label>
            <span id={`${field}-name`} className="file-picker-name">
              {payslip ? payslip.name : t('notifications.noFile')}
            </span>
          </div>
        </div>
        <div className="action-row">
          <button type="submit" className="button button--primary" disabled={report.isPending}>
            {report.isPending ? t('common.pleaseWait') : t('notifications.reportSend')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => dialog.current?.close()}
            disabled={report.isPending}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
