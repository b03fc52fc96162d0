// Laporkan keluar: the last working day and the reason. The exit is what later lets the worker claim JHT.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/feedback';
import { SelectField, TextField } from '../components/form-field';
import { formatKpj } from '../components/text';
import { currentLanguage } from '../i18n/i18n';
import {
  EXIT_REASONS,
  employerApi,
  employerKeys,
  type EmployerWorker,
  type ExitReason,
} from './employer-api';
import { jakartaToday } from './employer-dates';
import { mapProblemToFields } from './employer-field-errors';

export function WorkerExitForm({
  worker,
  onDone,
  onCancel,
}: {
  readonly worker: EmployerWorker;
  readonly onDone: (worker: EmployerWorker) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const today = jakartaToday(new Date());
  const [exitedOn, setExitedOn] = useState(today);
  const [reason, setReason] = useState<ExitReason | ''>('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  // The form opens above the list: take the reader there (the button may be far down the page).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const report = useMutation({
    mutationFn: () => employerApi.reportExit(worker.kpj, exitedOn, reason as ExitReason),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: employerKeys.workers });
      onDone(worker);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!exitedOn) errors.exitedOn = t('employer.exit.dateRequired');
    if (!reason) errors.reason = t('employer.exit.reasonRequired');
    setMissing(errors);
    if (Object.keys(errors).length === 0) report.mutate();
  };
  const server = mapProblemToFields(report.error, ['exitedOn', 'reason'], currentLanguage());
  return (
    <section className="panel employer-exit" aria-labelledby="exit-title">
      <h2 id="exit-title" ref={heading} tabIndex={-1}>
        {t('employer.exit.title', { name: worker.fullName })}
      </h2>
      <p className="muted">
        {t('common.kpj')} {formatKpj(worker.kpj)} · {t('employer.exit.lead')}
      </p>
      <form className="form" onSubmit={submit} noValidate>
        {server.isOnField ? null : <FormError error={report.error} />}
        <div className="field-row">
          <TextField
            id="exit-date"
            label={t('employer.exit.date')}
            error={missing.exitedOn ?? server.fields.exitedOn}
            type="date"
            value={exitedOn}
            min={worker.startedOn}
            max={today}
            onChange={(e) => {
              setExitedOn(e.target.value);
              setMissing(({ exitedOn: _done, ...rest }) => rest);
            }}
            required
          />
          <SelectField
            id="exit-reason"
            label={t('employer.exit.reason')}
            error={missing.reason ?? server.fields.reason}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value as ExitReason | '');
              setMissing(({ reason: _done, ...rest }) => rest);
            }}
            required
          >
            <option value="">{t('employer.exit.chooseReason')}</option>
            {EXIT_REASONS.map((value) => (
              <option key={value} value={value}>
                {t(`employer.exitReason.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="action-row">
          <button type="submit" className="button button--danger" disabled={report.isPending}>
            {report.isPending ? t('common.pleaseWait') : t('employer.exit.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
