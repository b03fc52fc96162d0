// Ahli waris: who receives the benefits on death, with shares that must add up to 100%.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/client';
import { addBeneficiary, fetchBeneficiaries, removeBeneficiary } from '../../api/member-api';
import type { Beneficiary, Relation } from '../../api/types';
import { EmptyState, FormError, QueryView } from '../../components/feedback';
import { SelectField, TextField } from '../../components/form-field';
import { Icon } from '../../components/icons';
import { Page } from '../../components/page';
import { currentLanguage } from '../../i18n/i18n';

const relations: readonly Relation[] = ['spouse', 'child', 'parent', 'sibling', 'other'];

export function BeneficiariesPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['beneficiaries'], queryFn: fetchBeneficiaries });
  return (
    <Page
      title={t('beneficiaries.title')}
      lead={t('beneficiaries.lead')}
      back={{ to: '/profil', label: t('nav.profile') }}
    >
      <QueryView query={list}>{(data) => <BeneficiaryList items={data} />}</QueryView>
    </Page>
  );
}

function BeneficiaryList({ items }: { readonly items: readonly Beneficiary[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const total = items.reduce((sum, item) => sum + item.sharePercent, 0);
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
                    {t(`beneficiaries.relation.${item.relation}`)} · NIK {item.nik}
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
            className={`share-total ${total === 100 ? 'share-total--ok' : 'share-total--warn'}`}
            role="status"
          >
            <Icon name={total === 100 ? 'check' : 'warning'} size={20} />
            {total === 100 ? t('beneficiaries.totalOk') : t('beneficiaries.totalNot', { total })}
          </p>
        </section>
      )}
      <AddForm remaining={100 - total} />
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
    const share = Number(form.share);
    if (!/^\d{1,3}$/.test(form.share.trim()) || share < 1 || share > 100)
      found.sharePercent = t('beneficiaries.shareInvalid');
    else if (share > remaining)
      found.sharePercent = t('beneficiaries.shareTooBig', { remaining: Math.max(remaining, 0) });
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
          hint={t('beneficiaries.shareHint', { remaining: Math.max(remaining, 0) })}
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
