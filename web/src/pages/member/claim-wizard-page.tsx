// The claim wizard's first step: choose KPJ, programme and reason; the core's pre-check says what is
// claimable now, how much (tax included) and why not otherwise; then the claim is opened (once, with a
// key made here) and the member continues with documents and the payout account on the claim's page.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormError, QueryView } from '../../components/feedback';
import { SelectField, TextField } from '../../components/form-field';
import { Page } from '../../components/page';
import { claimApi, type ClaimOption, type ClaimProgramme, type ClaimRequest } from './claim-api';
import { ClaimHeirForm } from './claim-heir-form';
import { OptionCard } from './claim-option-card';
import './claim.css';

const PROGRAMMES: readonly ClaimProgramme[] = ['JHT', 'JP', 'JKK', 'JKM', 'JKP'];

function Wizard({ options }: { readonly options: readonly ClaimOption[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const kpjs = [...new Set(options.map((option) => option.kpj))];
  const [kpj, setKpj] = useState(kpjs[0] ?? '');
  const [programme, setProgramme] = useState<ClaimProgramme>('JHT');
  const reasons = options.filter((option) => option.kpj === kpj && option.programme === programme);
  const firstEligible = reasons.find((option) => option.isEligible) ?? reasons[0];
  const [reasonChoice, setReason] = useState<string | null>(null);
  const reason =
    reasonChoice !== null && reasons.some((option) => option.reason === reasonChoice)
      ? reasonChoice
      : (firstEligible?.reason ?? '');
  const option = reasons.find((item) => item.reason === reason);
  const [details, setDetails] = useState({ eventDate: '', requestedRupiah: '', incapacityMonths: '' });
  const idempotencyKey = useMemo(() => `web-${crypto.randomUUID()}`, []);
  // What to ask comes from the API (the core's rules); death reasons are filed from the heir's form.
  const isHeirOnly = option?.isHeirOnly === true;
  const needsEventDate = option?.isEventDateRequired === true && !isHeirOnly;
  const isPartial = reason.startsWith('partial_');
  const request: ClaimRequest = {
    kpj,
    programme,
    reason,
    ...(needsEventDate && details.eventDate ? { eventDate: details.eventDate } : {}),
    ...(isPartial && details.requestedRupiah
      ? { requestedRupiah: Number(details.requestedRupiah.replace(/\D/g, '')) }
      : {}),
    ...(reason === 'temporary_incapacity' && details.incapacityMonths
      ? { incapacityMonths: Number(details.incapacityMonths) }
      : {}),
  };
  const check = useMutation({ mutationFn: () => claimApi.check(request) });
  const open = useMutation({
    mutationFn: () => claimApi.open({ ...request, idempotencyKey }),
    onSuccess: (claim) => navigate(`/klaim/${claim.id}`),
  });
  const needsDetails = needsEventDate || isPartial || reason === 'temporary_incapacity';
  const assessment =
    check.data && check.data.reason === reason && check.data.programme === programme ? check.data : null;
  const canStart = needsDetails ? assessment !== null : option?.isEligible === true;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canStart) open.mutate();
  };
  return (
    <form className="form panel" onSubmit={submit} noValidate>
      {kpjs.length > 1 ? (
        <SelectField
          id="claim-kpj"
          label={t('claim.wizard.kpj')}
          value={kpj}
          onChange={(e) => setKpj(e.target.value)}
        >
          {kpjs.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField
        id="claim-programme"
        label={t('claim.wizard.programme')}
        value={programme}
        onChange={(e) => {
          setProgramme(e.target.value as ClaimProgramme);
          setReason(null);
          check.reset();
        }}
      >
        {PROGRAMMES.map((value) => (
          <option key={value} value={value}>
            {t(`claim.programmeName.${value}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="claim-reason"
        label={t('claim.wizard.reason')}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          check.reset();
        }}
      >
        {reasons.map((item) => (
          <option key={item.reason} value={item.reason}>
            {t(`claim.reason.${item.reason}`)}
            {item.isEligible ? ' ✓' : ''}
          </option>
        ))}
      </SelectField>
      {needsDetails ? (
        <fieldset className="form">
          <legend className="small">{t('claim.wizard.needsDetails')}</legend>
          {needsEventDate ? (
            <TextField
              id="claim-event-date"
              type="date"
              label={t('claim.wizard.eventDate')}
              hint={t('claim.wizard.eventDateHint')}
              value={details.eventDate}
              onChange={(e) => setDetails({ ...details, eventDate: e.target.value })}
            />
          ) : null}
          {isPartial ? (
            <TextField
              id="claim-amount"
              inputMode="numeric"
              label={t('claim.wizard.requestedAmount')}
              hint={t('claim.wizard.requestedHint')}
              value={details.requestedRupiah}
              onChange={(e) => setDetails({ ...details, requestedRupiah: e.target.value })}
            />
          ) : null}
          {reason === 'temporary_incapacity' ? (
            <TextField
              id="claim-months"
              inputMode="numeric"
              label={t('claim.wizard.incapacityMonths')}
              value={details.incapacityMonths}
              onChange={(e) => setDetails({ ...details, incapacityMonths: e.target.value })}
            />
          ) : null}
          <FormError error={check.error} />
          <div className="action-row">
            <button
              type="button"
              className="button button--secondary"
              disabled={check.isPending}
              onClick={() => check.mutate()}
            >
              {t('claim.wizard.check')}
            </button>
          </div>
        </fieldset>
      ) : null}
      {option ? <OptionCard option={option} assessment={assessment} /> : null}
      <FormError error={open.error} />
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={!canStart || open.isPending}
      >
        {t('claim.wizard.start')}
      </button>
    </form>
  );
}

export function ClaimWizardPage() {
  const { t } = useTranslation();
  const [asHeir, setAsHeir] = useState(false);
  const options = useQuery({ queryKey: ['claim-options'], queryFn: claimApi.options, enabled: !asHeir });
  return (
    <Page
      title={t('claim.wizard.title')}
      lead={t('claim.wizard.lead')}
      back={{ to: '/klaim', label: t('claims.title') }}
    >
      <fieldset className="radio-row claim-who">
        <legend>{t('claim.heir.who')}</legend>
        <label className="radio-card">
          <input type="radio" name="claimant" checked={!asHeir} onChange={() => setAsHeir(false)} />
          {t('claim.heir.own')}
        </label>
        <label className="radio-card">
          <input type="radio" name="claimant" checked={asHeir} onChange={() => setAsHeir(true)} />
          {t('claim.heir.asHeir')}
        </label>
      </fieldset>
      {asHeir ? (
        <ClaimHeirForm />
      ) : (
        <QueryView query={options}>{(data) => <Wizard options={data.options} />}</QueryView>
      )}
    </Page>
  );
}
