// The identity checklist for the channel: at the branch the officer holds the ID card; on the phone the
// caller answers and the server compares the answers with the record. Outcome and reason are logged.
// Only the channels the staff member's role may record are offered (core rule: agents by phone only).
import { verificationChannelsFor } from '@lumbung/core/staff/verification-checklist';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { FormError } from '../components/feedback';
import { TextField } from '../components/form-field';
import { staffApi, type Channel, type VerificationInput } from './staff-api';

export function VerificationPanel({ personId }: { readonly personId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { session } = useSession();
  const channels = verificationChannelsFor(session.status === 'signed_in' ? session.user.role : '');
  const [channel, setChannel] = useState<Channel>(channels[0] ?? 'call_centre');
  const [idCardSeen, setIdCardSeen] = useState(false);
  const [photoMatches, setPhotoMatches] = useState(false);
  const [answers, setAnswers] = useState({
    nik: '',
    birthDate: '',
    motherMaidenName: '',
    lastEmployer: '',
    phone: '',
  });
  const [reason, setReason] = useState('');
  const set = (key: keyof typeof answers) => (event: { target: { value: string } }) =>
    setAnswers({ ...answers, [key]: event.target.value });

  const verify = useMutation({
    mutationFn: () => {
      const body: VerificationInput =
        channel === 'branch'
          ? { channel, reason, idCardSeen, photoMatches, nik: answers.nik }
          : {
              channel,
              reason,
              birthDate: answers.birthDate,
              phone: answers.phone,
              ...(answers.motherMaidenName ? { motherMaidenName: answers.motherMaidenName } : {}),
              ...(answers.lastEmployer ? { lastEmployer: answers.lastEmployer } : {}),
            };
      return staffApi.verify(personId, body);
    },
    onSuccess: async (result) => {
      if (result.outcome === 'passed')
        await queryClient.invalidateQueries({ queryKey: ['staff-member', personId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };

  return (
    <section className="panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('staff.verify.title')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={verify.error} />
        {verify.data?.outcome === 'failed' ? (
          <div className="alert alert--error" role="alert">
            {t('staff.verify.failed')}{' '}
            {Object.entries(verify.data.items)
              .filter(([, result]) => result === 'failed')
              .map(([item]) => t(`staff.verify.item.${item}`))
              .join(', ')}
          </div>
        ) : null}
        {channels.length > 1 ? (
          <fieldset className="segmented">
            <legend>{t('staff.verify.channel')}</legend>
            {channels.map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name="verify-channel"
                  value={option}
                  checked={channel === option}
                  onChange={() => setChannel(option)}
                />
                <span>{t(`staff.verify.channels.${option}`)}</span>
              </label>
            ))}
          </fieldset>
        ) : (
          <p className="muted small" data-testid="verify-channel-only">
            {t('staff.verify.onlyChannel', { channel: t(`staff.verify.channels.${channel}`) })}
          </p>
        )}
        {channel === 'branch' ? (
          <>
            <label className="check">
              <input type="checkbox" checked={idCardSeen} onChange={(e) => setIdCardSeen(e.target.checked)} />
              <span>{t('staff.verify.item.id_card_seen')}</span>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={photoMatches}
                onChange={(e) => setPhotoMatches(e.target.checked)}
              />
              <span>{t('staff.verify.item.photo_matches')}</span>
            </label>
            <TextField
              id="verify-nik"
              label={t('staff.verify.nikFromCard')}
              inputMode="numeric"
              value={answers.nik}
              onChange={set('nik')}
            />
          </>
        ) : (
          <>
            <p className="muted small">{t('staff.verify.callHint')}</p>
            <TextField
              id="verify-birth"
              label={t('staff.verify.item.birth_date')}
              type="date"
              value={answers.birthDate}
              onChange={set('birthDate')}
            />
            <TextField
              id="verify-mother"
              label={t('staff.verify.item.mother_maiden_name')}
              value={answers.motherMaidenName}
              onChange={set('motherMaidenName')}
            />
            <TextField
              id="verify-employer"
              label={t('staff.verify.item.last_employer')}
              hint={t('staff.verify.orHint')}
              value={answers.lastEmployer}
              onChange={set('lastEmployer')}
            />
            <TextField
              id="verify-phone"
              label={t('staff.verify.item.registered_phone')}
              inputMode="tel"
              value={answers.phone}
              onChange={set('phone')}
            />
          </>
        )}
        <TextField
          id="verify-reason"
          label={t('staff.reason')}
          hint={t('staff.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={verify.isPending}>
          {verify.isPending ? t('common.pleaseWait') : t('staff.verify.submit')}
        </button>
      </form>
    </section>
  );
}
