// Ahli waris: who receives the benefits on death, with shares that must add up to 100%. The totals and
// the checks on a new share are the server's (core beneficiary rules); the page shows them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/client';
import { addBeneficiary, fetchBeneficiaryList, removeBeneficiary } from '../../api/member-api';
import type { BeneficiaryList as ShareList, Relation } from '../../api/types';
import { EmptyState, FormError, QueryView } from '../../components/feedback';
import { SelectField, TextField } from '../../components/form-field';
import { Icon } from '../../components/icons';
import { Page } from '../../components/page';
import { currentLanguage } from '../../i18n/i18n';

const relations: readonly Relation[] = ['spouse', 'child', 'parent', 'sibling', 'other'];

export function BeneficiariesPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['beneficiaries'], queryFn: fetchBeneficiaryList });
  return (
    <Page
      title={t('beneficiaries.title')}
      lead={t('beneficiaries.lead')}
      back={{ to: '/profil', label: t('nav.profile') }}
    >
      <QueryView query={list}>{(data) => <BeneficiaryList list={data} />}</QueryView>
    </Page>
  );
}

function BeneficiaryList({ list }: { readonly list: ShareList }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const items = list.beneficiaries;
  const isComplete = !list.shareWarning;
  const remove = useMutation({
    mutationFn: removeBeneficiary,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['beneficiaries'] }),
  });
  return (
    <>
      {items.length === 0 ? (
        <EmptyState title={t('beneficiaries.empty')}>{t('beneficiaries.emptyBody')}</EmptyState>
      ) : (
        <section className="panel" aria-labelledby="ben-list">
          <h2 id="ben-list">{t('beneficiaries.listTitle')}</h2>
          <FormError error={remove.error} />
          <ul className="beneficiary-list">
            {items.map((item) => (
              <li key={item.id}>
                <div>
                  <p className="beneficiary-name">{item.name}</p>
                  <p className="muted small">
                    {t(`beneficiaries.relation.${item.relation}`)} · {`NIK\u00a0${item.nik}`}
                  </p>
                </div>
                <span className="share">{item.sharePercent}%</span>
                <button
                  type="button"
                  className="button button--link button--small"
                  onClick={() => {
                    if (window.confirm(t('beneficiaries.confirmRemove', { name: item.name })))
                      remove.mutate(item.id);
                  }}
                  aria-label={t('beneficiaries.removeNamed', { name: item.name })}
                >
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
          <p
            className={`share-total ${isComplete ? 'share-total--ok' : 'share-total--warn'}`}
            role="status"
            data-testid="share-total"
          >
            <Icon name={isComplete ? 'check' : 'warning'} size={20} />
            {isComplete
              ? t('beneficiaries.totalOk')
              : t('beneficiaries.totalNot', { total: list.totalSharePercent })}
          </p>
        </section>
      )}
      <AddForm remaining={list.remainingSharePercent} />
    </>
  );
}

function AddForm({ remaining }: { readonly remaining: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', relation: 'spouse' as Relation, nik: '', share: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: () =>
      addBeneficiary({
        name: form.name.trim(),
        relation: form.relation,
        nik: form.nik.trim(),
        sharePercent: Number(form.share),
      }),
    onSuccess: async () => {
      setForm({ name: '', relation: 'child', nik: '', share: '' });
      await queryClient.invalidateQueries({ queryKey: ['beneficiaries'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!form.name.trim()) found.name = t('beneficiaries.nameRequired');
    if (!/^\d{16}$/.test(form.nik.trim())) found.nik = t('register.nikInvalid');
    // Only the form of the number is checked here; whether it fits the remaining share is the server's.
    if (!/^\d{1,3}$/.test(form.share.trim())) found.sharePercent = t('beneficiaries.shareInvalid');
    setErrors(found);
    if (Object.keys(found).length === 0) add.mutate();
  };
  const server = fieldErrorsOf(add.error, currentLanguage());
  return (
    <section className="panel" aria-labelledby="ben-add">
      <h2 id="ben-add">{t('beneficiaries.addTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={add.error} />
        <TextField
          id="ben-name"
          label={t('beneficiaries.name')}
          error={errors.name ?? server.name}
          value={form.name}
          onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
          autoComplete="off"
        />
        <SelectField
          id="ben-relation"
          label={t('beneficiaries.relationLabel')}
          value={form.relation}
          onChange={(e) => setForm((f) => ({ ...f, relation: e.target.value as Relation }))}
        >
          {relations.map((relation) => (
            <option key={relation} value={relation}>
              {t(`beneficiaries.relation.${relation}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="ben-nik"
          label={t('register.nik')}
          hint={t('register.nikHint')}
          error={errors.nik ?? server.nik}
          value={form.nik}
          onChange={(e) => setForm((f) => ({ ...f, nik: e.target.value }))}
          inputMode="numeric"
          maxLength={16}
          autoComplete="off"
        />
        <TextField
          id="ben-share"
          label={t('beneficiaries.share')}
          hint={t('beneficiaries.shareHint', { remaining })}
          error={errors.sharePercent ?? server.sharePercent}
          value={form.share}
          onChange={(e) => setForm((f) => ({ ...f, share: e.target.value }))}
          inputMode="numeric"
          maxLength={3}
        />
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {t('beneficiaries.add')}
        </button>
      </form>
    </section>
  );
}
