// Pekerja: the employer's workers (KPJ, name, since, status), enrolling a new one and reporting an exit.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryView, StatusNote } from '../components/feedback';
import { Page } from '../components/page';
import { formatKpj } from '../components/text';
import { formatDate } from '../format/date';
import { formatInteger } from '../format/money';
import { employerApi, employerKeys, type EmployerWorker } from './employer-api';
import { EnrolWorkerForm } from './enrol-worker-form';
import { WorkerExitForm } from './worker-exit-form';

export function WorkersPage() {
  const { t } = useTranslation();
  const workers = useQuery({ queryKey: employerKeys.workers, queryFn: employerApi.workers });
  const [isEnrolling, setIsEnrolling] = useState(false);
  const [leaving, setLeaving] = useState<EmployerWorker | null>(null);
  const [note, setNote] = useState('');

  return (
    <Page
      title={t('employer.workers.title')}
      lead={t('employer.workers.lead')}
      actions={
        isEnrolling ? null : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setLeaving(null);
              setNote('');
              setIsEnrolling(true);
            }}
          >
            {t('employer.workers.enrol')}
          </button>
        )
      }
    >
      <StatusNote>{note}</StatusNote>
      {isEnrolling ? (
        <EnrolWorkerForm
          onCancel={() => setIsEnrolling(false)}
          onEnrolled={(worker, fullName) => {
            setIsEnrolling(false);
            setNote(
              t(worker.isNewAccount ? 'employer.workers.enrolled' : 'employer.workers.enrolledExisting', {
                name: fullName || t('employer.workers.theWorker'),
                kpj: formatKpj(worker.kpj),
              }),
            );
          }}
        />
      ) : null}
      {leaving ? (
        <WorkerExitForm
          worker={leaving}
          onCancel={() => setLeaving(null)}
          onDone={(worker) => {
            setLeaving(null);
            setNote(t('employer.workers.exited', { name: worker.fullName }));
          }}
        />
      ) : null}
      <QueryView query={workers}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('employer.workers.empty')}>{t('employer.workers.emptyBody')}</EmptyState>
          ) : (
            <WorkerTable
              workers={list}
              onExit={(worker) => {
                setIsEnrolling(false);
                setNote('');
                setLeaving(worker);
              }}
            />
          )
        }
      </QueryView>
    </Page>
  );
}

function WorkerTable({
  workers,
  onExit,
}: {
  readonly workers: readonly EmployerWorker[];
  readonly onExit: (worker: EmployerWorker) => void;
}) {
  const { t } = useTranslation();
  const active = workers.filter((worker) => worker.endedOn === null).length;
  return (
    <section className="panel" aria-labelledby="workers-list-title">
      <div className="employer-section-head">
        <h2 id="workers-list-title">{t('employer.workers.listTitle')}</h2>
        <p className="muted small">
          {t('employer.workers.counts', {
            active: formatInteger(active),
            exited: formatInteger(workers.length - active),
          })}
        </p>
      </div>
      <table className="employer-table" data-testid="workers-table">
        <thead>
          <tr>
            <th scope="col">{t('common.kpj')}</th>
            <th scope="col">{t('employer.workers.name')}</th>
            <th scope="col">{t('employer.workers.since')}</th>
            <th scope="col">{t('employer.workers.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('employer.workers.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {workers.map((worker) => (
            <tr key={worker.employmentId}>
              <td data-label={t('common.kpj')} className="kpj">
                {formatKpj(worker.kpj)}
              </td>
              <th scope="row" data-label={t('employer.workers.name')}>
                {worker.fullName}
              </th>
              <td data-label={t('employer.workers.since')}>{formatDate(worker.startedOn)}</td>
              <td data-label={t('employer.workers.status')}>
                {worker.endedOn === null ? (
                  <span>
                    <span className="badge badge--paid">{t('employer.workers.active')}</span>
                  </span>
                ) : (
                  <span>
                    <span className="badge badge--muted">
                      {t('employer.workers.exitedOn', { date: formatDate(worker.endedOn) })}
                    </span>
                    {worker.exitReason ? (
                      <span className="employer-reason muted small">
                        {t(`employer.exitReason.${worker.exitReason}`)}
                      </span>
                    ) : null}
                  </span>
                )}
              </td>
              <td className="employer-table-action">
                {worker.endedOn === null ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => onExit(worker)}
                  >
                    {t('employer.workers.reportExit')}
                    <span className="visually-hidden"> {worker.fullName}</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
