// The claims officer's queue: claims waiting for branch verification, a decision or payment, oldest
// first, each with its working-day ageing against the 5-day service level; and the bank payment files.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadFile } from '../api/client';
import { EmptyState, FormError, QueryView, StatusNote } from '../components/feedback';
import { SelectField } from '../components/form-field';
import { Money } from '../components/money';
import { Page } from '../components/page';
import { formatDate } from '../format/date';
import { formatRupiah } from '../format/money';
import { ClaimStatusBadge } from '../pages/member/claim-timeline';
import { claimStaffApi, QUEUE_STATUSES, type BankResultImport, type QueueItem } from './claim-staff-api';
import './claim-staff.css';

function QueueRow({ item }: { readonly item: QueueItem }) {
  const { t } = useTranslation();
  return (
    <tr className={item.ageing?.isOverdue ? 'claim-overdue' : undefined}>
      <td>
        <Link to={`/staf/klaim/${item.id}`}>{item.number}</Link>
      </td>
      <td>{item.memberName}</td>
      <td>
        {item.programme} · {t(`claim.reason.${item.reason}`)}
      </td>
      <td>
        <Money amount={item.netRupiah} />
      </td>
      <td>
        <ClaimStatusBadge status={item.status} />
      </td>
      <td>
        {item.ageing ? (
          <>
            {t('claimStaff.ageing', { days: item.ageing.workingDaysOpen })}
            <br />
            <span className="muted small">
              {item.ageing.isOverdue
                ? t('claimStaff.overdue')
                : t('claimStaff.dueOn', { date: formatDate(item.ageing.dueOn) })}
            </span>
          </>
        ) : null}
      </td>
    </tr>
  );
}

/** Result lines the import could not apply: each names the claim and why, for an officer to follow up. */
function ImportExceptions({ result }: { readonly result: BankResultImport | undefined }) {
  const { t } = useTranslation();
  if (!result || result.exceptions.length === 0) return null;
  return (
    <div className="alert alert--warning" role="note">
      <p className="alert-text">
        <strong>{t('claimStaff.exceptions', { lines: result.exceptions.length })}</strong>
      </p>
      <ul className="small">
        {result.exceptions.map((line) => (
          <li key={`${line.reference}-${line.status}`}>
            {t('claimStaff.exception', {
              reference: line.reference,
              status: line.status,
              reason: t(`claimStaff.exceptionCode.${line.code}`, { defaultValue: line.code }),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PaymentFileList() {
  const { t } = useTranslation();
  const files = useQuery({ queryKey: ['staff-payment-files'], queryFn: claimStaffApi.paymentFiles });
  return (
    <QueryView query={files}>
      {(data) =>
        data.batches.length === 0 ? null : (
          <div className="table-scroll">
            <table className="claim-queue">
              <caption className="visually-hidden">{t('claimStaff.paymentFiles')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('claimStaff.fileDate')}</th>
                  <th scope="col">{t('claimStaff.fileClaims')}</th>
                  <th scope="col">{t('claimStaff.amount')}</th>
                  <th scope="col">{t('claimStaff.fileState')}</th>
                  <th scope="col">CSV</th>
                </tr>
              </thead>
              <tbody>
                {data.batches.map((batch) => (
                  <tr key={batch.batchId}>
                    <td>{batch.batchId}</td>
                    <td>{formatDate(batch.createdAt)}</td>
                    <td>{batch.claimCount}</td>
                    <td>
                      <Money amount={batch.totalRupiah} />
                    </td>
                    <td className="small">
                      {t('claimStaff.fileCounts', {
                        paid: batch.paidCount,
                        awaiting: batch.awaitingCount,
                        returned: batch.returnedCount,
                      })}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--link"
                        onClick={() =>
                          void downloadFile(batch.downloadUrl, `lumbung-claims-${batch.batchId}.csv`)
                        }
                      >
                        {t('claimStaff.download')}
                        <span className="visually-hidden"> #{batch.batchId}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryView>
  );
}

function PaymentFiles() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['staff-claims'] });
    await queryClient.invalidateQueries({ queryKey: ['staff-payment-files'] });
  };
  const create = useMutation({ mutationFn: claimStaffApi.createPaymentFile, onSuccess: refresh });
  const importing = useMutation({
    mutationFn: (file: File) => claimStaffApi.importBankResult(file),
    onSuccess: refresh,
  });
  const batch = create.data?.batch;
  return (
    <section className="panel" aria-labelledby="claim-files">
      <h2 id="claim-files">{t('claimStaff.paymentFiles')}</h2>
      <FormError error={create.error ?? importing.error} />
      <StatusNote>
        {create.data
          ? batch
            ? t('claimStaff.fileCreated', {
                batchId: batch.batchId,
                count: batch.claimCount,
                total: formatRupiah(batch.totalRupiah),
              })
            : t('claimStaff.noFile')
          : importing.data
            ? importing.data.isDuplicate
              ? t('claimStaff.importedAgain')
              : t('claimStaff.imported', {
                  paid: importing.data.paid,
                  failed: importing.data.failed,
                  unchanged: importing.data.unchanged,
                })
            : null}
      </StatusNote>
      <ImportExceptions result={importing.data} />
      <div className="action-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={create.isPending}
          onClick={() => create.mutate()}
        >
          {t('claimStaff.createFile')}
        </button>
        {batch ? (
          <button
            type="button"
            className="button button--link"
            onClick={() => void downloadFile(batch.downloadUrl, `lumbung-claims-${batch.batchId}.csv`)}
          >
            {t('claimStaff.download')}
          </button>
        ) : null}
        <label className="button button--secondary">
          {t('claimStaff.importResult')}
          <input
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            aria-label={t('claimStaff.bankResult')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) importing.mutate(file);
              event.target.value = '';
            }}
          />
        </label>
      </div>
      <PaymentFileList />
    </section>
  );
}

export function ClaimQueuePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>('');
  const queue = useQuery({
    queryKey: ['staff-claims', status],
    queryFn: () => claimStaffApi.queue(status || null),
  });
  return (
    <Page title={t('claimStaff.title')} lead={t('claimStaff.lead')}>
      <div className="panel">
        <SelectField
          id="claim-queue-status"
          label={t('claimStaff.filter')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        >
          <option value="">{t('claimStaff.all')}</option>
          {QUEUE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`claim.status.${value}`)}
            </option>
          ))}
        </SelectField>
        <QueryView query={queue}>
          {(data) =>
            data.claims.length === 0 ? (
              <EmptyState title={t('claimStaff.none')} />
            ) : (
              <div className="table-scroll">
                <table className="claim-queue">
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{t('claimStaff.member')}</th>
                      <th scope="col">{t('claim.wizard.reason')}</th>
                      <th scope="col">{t('claimStaff.amount')}</th>
                      <th scope="col">{t('claimStaff.filter')}</th>
                      <th scope="col">{t('claimStaff.dueOn', { date: '' }).trim()}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.claims.map((item) => (
                      <QueueRow key={item.id} item={item} />
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryView>
      </div>
      <PaymentFiles />
    </Page>
  );
}
