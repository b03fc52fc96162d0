// One claim for the officer: amounts, member and payout account, the documents with a viewer, the
// checklist, and the decision (branch verification, approve, reject with a reason code, record payment).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FormError, QueryView, StatusNote } from '../components/feedback';
import { SelectField, TextArea, TextField } from '../components/form-field';
import { Money } from '../components/money';
import { Page } from '../components/page';
import { formatDate } from '../format/date';
import { currentLanguage } from '../i18n/i18n';
import { ClaimSchedule } from '../pages/member/claim-schedule';
import { ClaimStatusBadge, ClaimTimeline } from '../pages/member/claim-timeline';
import {
  CHECKLIST_ITEMS,
  claimStaffApi,
  REJECTION_CODES,
  type Checklist,
  type StaffClaim,
} from './claim-staff-api';
import './claim-staff.css';

function DocumentViewer({ claim }: { readonly claim: StaffClaim }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<number | null>(null);
  const document = claim.documents.find((item) => item.id === shown);
  return (
    <section className="panel" aria-labelledby="claim-docs">
      <h2 id="claim-docs">{t('claimStaff.documents')}</h2>
      {claim.missingDocuments.length > 0 ? (
        <p className="alert alert--warning">
          {t('claimStaff.missing', {
            documents: claim.missingDocuments.map((type) => t(`claim.document.${type}`)).join(', '),
          })}
        </p>
      ) : null}
      {claim.documents.length === 0 ? <p>{t('claimStaff.noDocuments')}</p> : null}
      <ul className="row-list">
        {claim.documents.map((item) => (
          <li key={item.id} className="claim-doc">
            <div>
              <p className="row-title">{t(`claim.document.${item.type}`)}</p>
              <p className="muted small">
                {item.fileName} · {Math.ceil(item.sizeBytes / 1024)} KB · SHA-256 {item.sha256.slice(0, 12)}…
              </p>
            </div>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setShown(item.id)}
            >
              {t('claimStaff.view')}
            </button>
          </li>
        ))}
      </ul>
      {document ? (
        <div className="claim-viewer">
          {document.contentType === 'application/pdf' ? (
            <iframe title={document.fileName} src={claimStaffApi.documentUrl(claim.id, document.id)} />
          ) : (
            <img
              alt={t(`claim.document.${document.type}`)}
              src={claimStaffApi.documentUrl(claim.id, document.id)}
            />
          )}
        </div>
      ) : null}
    </section>
  );
}

function Decision({ claim }: { readonly claim: StaffClaim }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [checklist, setChecklist] = useState<Checklist>({
    identityMatches: false,
    documentsComplete: false,
    eligibilityConfirmed: false,
    bankAccountMatches: false,
  });
  const [note, setNote] = useState('');
  const [reasonCode, setReasonCode] = useState<string>(REJECTION_CODES[0]);
  const [bankReference, setBankReference] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const after = (message: string) => async () => {
    setDone(message);
    await queryClient.invalidateQueries({ queryKey: ['staff-claim', claim.id] });
    await queryClient.invalidateQueries({ queryKey: ['staff-claims'] });
  };
  const noteOrNull = note.trim() === '' ? null : note.trim();
  const verify = useMutation({
    mutationFn: () => claimStaffApi.branchVerify(claim.id, noteOrNull),
    onSuccess: after(t('claimStaff.branchVerified')),
  });
  const approve = useMutation({
    mutationFn: () => claimStaffApi.approve(claim.id, checklist, noteOrNull),
    onSuccess: after(t('claimStaff.approved')),
  });
  const reject = useMutation({
    mutationFn: () => claimStaffApi.reject(claim.id, reasonCode, noteOrNull),
    onSuccess: after(t('claimStaff.rejected')),
  });
  const pay = useMutation({
    mutationFn: () => claimStaffApi.pay(claim.id, bankReference.trim() || null),
    onSuccess: after(t('claimStaff.paid')),
  });
  // The API says what this officer may do (their role and the claim's status); nothing else is offered.
  const { actions } = claim;
  const canReject = actions.reject;
  const canPay = actions.pay;
  const hasAnyAction = actions.branchVerify || actions.approve || actions.reject || actions.pay;
  return (
    <section className="panel" aria-labelledby="claim-decision">
      <h2 id="claim-decision">{t('claimStaff.checklist')}</h2>
      <FormError error={verify.error ?? approve.error ?? reject.error ?? pay.error} />
      <StatusNote>{done}</StatusNote>
      {claim.paymentBatchId !== null && !actions.reject && claim.status !== 'paid' ? (
        <p className="muted small">{t('claimStaff.awaitingBank', { batchId: claim.paymentBatchId })}</p>
      ) : null}
      {!hasAnyAction && !done ? <p className="muted small">{t('claimStaff.noActions')}</p> : null}
      {actions.approve ? (
        <fieldset className="form">
          <legend className="visually-hidden">{t('claimStaff.checklist')}</legend>
          {CHECKLIST_ITEMS.map((item) => (
            <label key={item} className="check">
              <input
                type="checkbox"
                checked={checklist[item]}
                onChange={(e) => setChecklist({ ...checklist, [item]: e.target.checked })}
              />
              {t(`claimStaff.check.${item}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {actions.approve || canReject || actions.branchVerify ? (
        <TextArea
          id="claim-note"
          label={t('claimStaff.note')}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      ) : null}
      <div className="action-row">
        {actions.branchVerify ? (
          <button
            type="button"
            className="button button--primary"
            disabled={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('claimStaff.branchVerify')}
          </button>
        ) : null}
        {actions.approve ? (
          <button
            type="button"
            className="button button--primary"
            disabled={approve.isPending}
            onClick={() => approve.mutate()}
          >
            {t('claimStaff.approve')}
          </button>
        ) : null}
      </div>
      {canPay ? (
        <div className="form">
          <TextField
            id="claim-bank-reference"
            label={t('claimStaff.bankReference')}
            value={bankReference}
            onChange={(e) => setBankReference(e.target.value)}
          />
          <button
            type="button"
            className="button button--primary"
            disabled={pay.isPending}
            onClick={() => pay.mutate()}
          >
            {t('claimStaff.pay')}
          </button>
        </div>
      ) : null}
      {canReject ? (
        <div className="form">
          <SelectField
            id="claim-reject-code"
            label={t('claimStaff.rejectReason')}
            value={reasonCode}
            onChange={(e) => setReasonCode(e.target.value)}
          >
            {REJECTION_CODES.map((code) => (
              <option key={code} value={code}>
                {t(`claimStaff.reasonCode.${code}`)}
              </option>
            ))}
          </SelectField>
          <button
            type="button"
            className="button button--danger"
            disabled={reject.isPending}
            onClick={() => reject.mutate()}
          >
            {t('claimStaff.reject')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function Overview({ claim }: { readonly claim: StaffClaim }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="claim-overview">
      <h2 id="claim-overview">
        {claim.memberName} · KPJ {claim.kpj}
      </h2>
      <p>
        <ClaimStatusBadge status={claim.status} />{' '}
        {claim.ageing ? (
          <span className={claim.ageing.isOverdue ? 'badge badge--missing' : 'muted small'}>
            {t('claimStaff.ageing', { days: claim.ageing.workingDaysOpen })} ·{' '}
            {t('claimStaff.dueOn', { date: formatDate(claim.ageing.dueOn) })}
          </span>
        ) : null}
      </p>
      <dl className="claim-amounts">
        <dt>{t('claim.wizard.reason')}</dt>
        <dd>
          {claim.programme} · {t(`claim.reason.${claim.reason}`)}
          {claim.eventDate ? ` · ${formatDate(claim.eventDate)}` : ''}
        </dd>
        <dt>{t('claimStaff.gross')}</dt>
        <dd>
          <Money amount={claim.grossRupiah} />
        </dd>
        <dt>{t('claimStaff.tax')}</dt>
        <dd>
          <Money amount={claim.taxRupiah} />
        </dd>
        <dt>{t('claimStaff.net')}</dt>
        <dd>
          <Money amount={claim.netRupiah} />
        </dd>
        <dt>{t('claimStaff.payout')}</dt>
        <dd>
          {claim.payoutAccount ? `${claim.payoutAccount.bankCode} ${claim.payoutAccount.accountMasked}` : '—'}
          {claim.payoutHolderName ? ` · ${t('claimStaff.holder', { name: claim.payoutHolderName })}` : ''}
        </dd>
      </dl>
      <ClaimSchedule schedule={claim.schedule} />
      <p className="muted small">
        {t('claim.wizard.regulation', { regulation: claim.regulation[currentLanguage()] })}
      </p>
    </section>
  );
}

export function ClaimReviewPage() {
  const { t } = useTranslation();
  const id = Number(useParams().claimId);
  const claim = useQuery({ queryKey: ['staff-claim', id], queryFn: () => claimStaffApi.get(id) });
  return (
    <Page
      title={claim.data ? claim.data.number : t('claimStaff.title')}
      back={{ to: '/staf/klaim', label: t('claimStaff.back') }}
    >
      <QueryView query={claim}>
        {(data) => (
          <>
            <Overview claim={data} />
            <DocumentViewer claim={data} />
            <Decision claim={data} />
            <ClaimTimeline claim={data} audience="staff" />
          </>
        )}
      </QueryView>
    </Page>
  );
}
