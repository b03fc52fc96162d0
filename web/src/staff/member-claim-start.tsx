// A desk officer opens a claim for a verified member (at the counter, or on the phone for a member
// without a smartphone). It is the member's own draft: the server decides eligibility with the same
// rules as the portal (a death claim is refused: the heirs file it), and the member then adds the
// documents and the bank account and sends it.
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, StatusNote } from '../components/feedback';
import { SelectField, TextField } from '../components/form-field';
import type { ClaimProgramme } from '../pages/member/claim-api';
import { claimStaffApi } from './claim-staff-api';

/** The claim reasons by programme, as the API names them (whether one applies is the server's answer). */
const REASONS: Readonly<Record<ClaimProgramme, readonly string[]>> = {
  JHT: [
    'resignation',
    'layoff',
    'contract_end',
    'bpu_stopped',
    'retirement',
    'leaving_indonesia',
    'total_disability',
    'death',
    'partial_any',
    'partial_housing',
  ],
  JP: ['retirement', 'total_disability', 'death'],
  JKK: ['temporary_incapacity', 'work_disability', 'work_death'],
  JKM: ['death'],
  JKP: ['layoff', 'employer_closed_with_arrears'],
};
const PROGRAMMES = Object.keys(REASONS) as ClaimProgramme[];

export function MemberClaimStart({ personId }: { readonly personId: number }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    kpj: '',
    programme: 'JHT' as ClaimProgramme,
    claimReason: 'resignation',
    eventDate: '',
    reason: '',
  });
  // One key per opened form: a double click or a retry returns the same claim.
  const [attempt, setAttempt] = useState(0);
  const idempotencyKey = useMemo(
    () => `staff-${personId}-${attempt}-${crypto.randomUUID()}`,
    [personId, attempt],
  );
  const start = useMutation({
    mutationFn: () =>
      claimStaffApi.startForMember(personId, {
        claim: {
          kpj: form.kpj.replace(/\D/g, ''),
          programme: form.programme,
          reason: form.claimReason,
          ...(form.eventDate ? { eventDate: form.eventDate } : {}),
        },
        idempotencyKey,
        reason: form.reason,
      }),
    onSuccess: () => setAttempt((value) => value + 1),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <form className="form staff-action" onSubmit={submit} noValidate aria-labelledby="act-claim-title">
      <h3 id="act-claim-title">{t('claimStaff.start.title')}</h3>
      <p className="muted small">{t('claimStaff.start.lead')}</p>
      <FormError error={start.error} />
      <StatusNote>{start.data ? t('claimStaff.start.done', { number: start.data.number }) : null}</StatusNote>
      <TextField
        id="act-claim-kpj"
        label="KPJ"
        inputMode="numeric"
        value={form.kpj}
        onChange={(e) => setForm({ ...form, kpj: e.target.value })}
      />
      <SelectField
        id="act-claim-programme"
        label={t('claim.wizard.programme')}
        value={form.programme}
        onChange={(e) => {
          const programme = e.target.value as ClaimProgramme;
          setForm({ ...form, programme, claimReason: REASONS[programme][0] ?? '' });
        }}
      >
        {PROGRAMMES.map((programme) => (
          <option key={programme} value={programme}>
            {t(`claim.programmeName.${programme}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="act-claim-reason"
        label={t('claim.wizard.reason')}
        value={form.claimReason}
        onChange={(e) => setForm({ ...form, claimReason: e.target.value })}
      >
        {REASONS[form.programme].map((reason) => (
          <option key={reason} value={reason}>
            {t(`claim.reason.${reason}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id="act-claim-event-date"
        type="date"
        label={t('claim.wizard.eventDate')}
        hint={t('claimStaff.start.eventDateHint')}
        value={form.eventDate}
        onChange={(e) => setForm({ ...form, eventDate: e.target.value })}
      />
      <TextField
        id="act-claim-reason-text"
        label={t('staff.reason')}
        value={form.reason}
        onChange={(e) => setForm({ ...form, reason: e.target.value })}
      />
      <button type="submit" className="button button--secondary" disabled={start.isPending}>
        {start.isPending ? t('common.pleaseWait') : t('claimStaff.start.submit')}
      </button>
    </form>
  );
}
