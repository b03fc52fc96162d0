// While a claim is still the member's to complete: upload each document the reason needs, give the
// payout account, then send it. Each step saves on its own, so nothing typed is lost.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, StatusNote } from '../../components/feedback';
import { SelectField, TextField } from '../../components/form-field';
import { BANKS, claimApi, type ClaimDetail } from './claim-api';

function DocumentRow({ claim, type }: { readonly claim: ClaimDetail; readonly type: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const uploaded = claim.documents.filter((document) => document.type === type);
  const upload = useMutation({
    mutationFn: (file: File) => claimApi.upload(claim.id, type, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['claim', claim.id] }),
  });
  const label = t(`claim.document.${type}`);
  // A new file replaces the one uploaded for this document; only 'other' documents are added beside it.
  const isAdding = type === 'other';
  const action =
    uploaded.length === 0
      ? { short: t('claim.detail.uploadShort'), full: t('claim.detail.upload', { document: label }) }
      : isAdding
        ? { short: t('claim.detail.addShort'), full: t('claim.detail.add', { document: label }) }
        : { short: t('claim.detail.replaceShort'), full: t('claim.detail.replace', { document: label }) };
  return (
    <li className="claim-doc">
      <div>
        <p className="row-title">{label}</p>
        <p className="muted small">
          {uploaded.length > 0
            ? uploaded.map((document) => document.fileName).join(', ')
            : t('claim.detail.missing')}
        </p>
        <FormError error={upload.error} />
      </div>
      <span className={`badge ${uploaded.length > 0 ? 'badge--ok' : 'badge--pending'}`}>
        {uploaded.length > 0 ? t('claim.detail.uploaded') : t('claim.detail.missing')}
      </span>
      <label className="button button--secondary button--small">
        {upload.isPending ? t('claim.detail.uploading') : action.short}
        <span className="visually-hidden"> {action.full}</span>
        <input
          type="file"
          className="visually-hidden"
          accept="application/pdf,image/jpeg,image/png"
          data-document-type={type}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) upload.mutate(file);
            event.target.value = '';
          }}
        />
      </label>
    </li>
  );
}

function PayoutAccountForm({ claim }: { readonly claim: ClaimDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ bankCode: BANKS[0]?.code ?? '002', accountNumber: '', holderName: '' });
  const save = useMutation({
    mutationFn: () => claimApi.setPayoutAccount(claim.id, form),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['claim', claim.id] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section className="panel" aria-labelledby="claim-bank">
      <h2 id="claim-bank">{t('claim.detail.bank')}</h2>
      <p className="muted small">{t('claim.detail.bankLead')}</p>
      <StatusNote>
        {claim.payoutAccount
          ? t('claim.detail.bankSaved', {
              account: `${claim.payoutAccount.bankCode} ${claim.payoutAccount.accountMasked}`,
            })
          : null}
      </StatusNote>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <SelectField
          id="claim-bank-code"
          label={t('claim.detail.bankCode')}
          value={form.bankCode}
          onChange={(e) => setForm({ ...form, bankCode: e.target.value })}
        >
          {BANKS.map((bank) => (
            <option key={bank.code} value={bank.code}>
              {bank.name} ({bank.code})
            </option>
          ))}
        </SelectField>
        <TextField
          id="claim-account-number"
          inputMode="numeric"
          autoComplete="off"
          label={t('claim.detail.accountNumber')}
          value={form.accountNumber}
          onChange={(e) => setForm({ ...form, accountNumber: e.target.value })}
        />
        <TextField
          id="claim-holder"
          autoComplete="name"
          label={t('claim.detail.holderName')}
          value={form.holderName}
          onChange={(e) => setForm({ ...form, holderName: e.target.value })}
        />
        <button type="submit" className="button button--secondary" disabled={save.isPending}>
          {t('claim.detail.saveBank')}
        </button>
      </form>
    </section>
  );
}

export function ClaimDraftSteps({ claim }: { readonly claim: ClaimDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['claim', claim.id] });
    await queryClient.invalidateQueries({ queryKey: ['claims'] });
  };
  const send = useMutation({ mutationFn: () => claimApi.submit(claim.id), onSuccess: refresh });
  const cancel = useMutation({ mutationFn: () => claimApi.cancel(claim.id), onSuccess: refresh });
  const isDraft = claim.status === 'draft';
  const canAddDocuments = isDraft || claim.status === 'branch_verification';
  return (
    <>
      {canAddDocuments ? (
        <section className="panel" aria-labelledby="claim-docs">
          <h2 id="claim-docs">{t('claim.detail.documents')}</h2>
          <p className="muted small">{t('claim.detail.documentsLead')}</p>
          <ul className="claim-docs">
            {claim.requiredDocuments.map((type) => (
              <DocumentRow key={type} claim={claim} type={type} />
            ))}
          </ul>
        </section>
      ) : null}
      {isDraft ? <PayoutAccountForm claim={claim} /> : null}
      <section className="panel">
        <FormError error={send.error ?? cancel.error} />
        {isDraft ? <p className="muted small">{t('claim.detail.submitHint')}</p> : null}
        <div className="action-row">
          {isDraft ? (
            <button
              type="button"
              className="button button--primary"
              disabled={send.isPending}
              onClick={() => send.mutate()}
            >
              {t('claim.detail.submit')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--link"
            disabled={cancel.isPending}
            onClick={() => {
              if (window.confirm(t('claim.detail.confirmCancel', { number: claim.number }))) cancel.mutate();
            }}
          >
            {t('claim.detail.cancel')}
          </button>
        </div>
      </section>
    </>
  );
}
