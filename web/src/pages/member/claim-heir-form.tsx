// An heir's claim for a member who died: the member's KPJ and NIK, the date of death and the programme;
// the server checks that the signed-in person is listed among the member's beneficiaries.
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormError } from '../../components/feedback';
import { SelectField, TextField } from '../../components/form-field';
import { Money } from '../../components/money';
import { formatRupiah } from '../../format/money';
import { claimApi, type ClaimProgramme, type ClaimRequest } from './claim-api';

const DEATH_REASON: Readonly<Partial<Record<ClaimProgramme, string>>> = {
  JKM: 'death',
  JHT: 'death',
  JKK: 'work_death',
  JP: 'death',
};

export function ClaimHeirForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState({ kpj: '', nik: '', deathDate: '', programme: 'JKM' as ClaimProgramme });
  const idempotencyKey = useMemo(() => `web-heir-${crypto.randomUUID()}`, []);
  const request: ClaimRequest = {
    kpj: form.kpj.trim(),
    programme: form.programme,
    reason: DEATH_REASON[form.programme] ?? 'death',
    eventDate: form.deathDate,
    deceased: { kpj: form.kpj.trim(), nik: form.nik.trim() },
  };
  const check = useMutation({ mutationFn: () => claimApi.check(request) });
  const open = useMutation({
    mutationFn: () => claimApi.open({ ...request, idempotencyKey }),
    onSuccess: (claim) => navigate(`/klaim/${claim.id}`),
  });
  const assessment = check.data?.programme === form.programme ? check.data : null;
  const change = (next: Partial<typeof form>) => {
    setForm({ ...form, ...next });
    check.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (assessment) open.mutate();
    else check.mutate();
  };
  return (
    <form className="form panel" onSubmit={submit} noValidate>
      <p className="muted small">{t('claim.heir.lead')}</p>
      <TextField
        id="heir-kpj"
        inputMode="numeric"
        label={t('claim.heir.deceasedKpj')}
        value={form.kpj}
        onChange={(e) => change({ kpj: e.target.value })}
      />
      <TextField
        id="heir-nik"
        inputMode="numeric"
        label={t('claim.heir.deceasedNik')}
        value={form.nik}
        onChange={(e) => change({ nik: e.target.value })}
      />
      <TextField
        id="heir-death-date"
        type="date"
        label={t('claim.heir.deathDate')}
        value={form.deathDate}
        onChange={(e) => change({ deathDate: e.target.value })}
      />
      <SelectField
        id="heir-programme"
        label={t('claim.wizard.programme')}
        value={form.programme}
        onChange={(e) => change({ programme: e.target.value as ClaimProgramme })}
      >
        {(['JKM', 'JHT', 'JKK', 'JP'] as const).map((programme) => (
          <option key={programme} value={programme}>
            {t(`claim.programmeName.${programme}`)}
          </option>
        ))}
      </SelectField>
      <FormError error={check.error ?? open.error} />
      {assessment ? (
        <section className="claim-option claim-option--eligible" aria-live="polite">
          <p className="row-title">{t('claim.wizard.eligibleNow')}</p>
          <p>
            {t('claim.wizard.net')}: <Money amount={assessment.netRupiah} />
          </p>
          {assessment.isBranchVerificationRequired ? (
            <p className="alert alert--warning">
              {t('claim.wizard.branchNote', { limit: formatRupiah(assessment.onlineLimitRupiah) })}
            </p>
          ) : null}
        </section>
      ) : null}
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={check.isPending || open.isPending}
      >
        {assessment ? t('claim.wizard.start') : t('claim.wizard.check')}
      </button>
    </form>
  );
}
