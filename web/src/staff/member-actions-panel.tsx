// Actions on a verified member, each with the reason that goes to the audit log: contact update, SMS
// link and unlink, password-reset code (saying where it went), KPJ merge, card reissue, and a claim
// opened for the member.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, StatusNote } from '../components/feedback';
import { TextField } from '../components/form-field';
import { keepPhoneNumbersTogether } from '../format/phone';
import { MemberClaimStart } from './member-claim-start';
import { staffApi, type PasswordResetSent } from './staff-api';

interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly inputMode?: 'numeric' | 'tel' | 'email' | 'text';
}

function ActionForm<T>({
  id,
  title,
  fields,
  submitLabel,
  personId,
  run,
  done,
}: {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  readonly submitLabel: string;
  readonly personId: number;
  readonly run: (values: Record<string, string>, reason: string) => Promise<T>;
  /** What to say once it is done, from the server's answer where that says more. */
  readonly done: string | ((result: T) => string);
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const action = useMutation({
    mutationFn: () => run(values, reason),
    onSuccess: async () => {
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['staff-member', personId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate();
  };
  return (
    <form className="form staff-action" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <FormError error={action.error} />
      <StatusNote>
        {action.isSuccess ? (typeof done === 'string' ? done : done(action.data)) : null}
      </StatusNote>
      {fields.map((field) => (
        <TextField
          key={field.name}
          id={`${id}-${field.name}`}
          label={field.label}
          inputMode={field.inputMode}
          value={values[field.name] ?? ''}
          onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
        />
      ))}
      <TextField
        id={`${id}-reason`}
        label={t('staff.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="button button--secondary" disabled={action.isPending}>
        {action.isPending ? t('common.pleaseWait') : submitLabel}
      </button>
    </form>
  );
}

export function MemberActions({ personId }: { readonly personId: number }) {
  const { t } = useTranslation();
  const optional = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('staff.act.title')}</h2>
      <div className="staff-actions">
        <ActionForm
          id="act-contact"
          personId={personId}
          title={t('staff.act.contact')}
          fields={[
            { name: 'phone', label: t('staff.m360.phone'), inputMode: 'tel' },
            { name: 'email', label: t('staff.m360.email'), inputMode: 'email' },
            { name: 'address', label: t('staff.m360.address') },
          ]}
          submitLabel={t('staff.act.save')}
          done={t('staff.act.done')}
          run={(v, reason) => {
            const [phone, email, address] = [optional(v.phone), optional(v.email), optional(v.address)];
            return staffApi.updateContact(personId, {
              reason,
              ...(phone ? { phone } : {}),
              ...(email ? { email } : {}),
              ...(address ? { address } : {}),
            });
          }}
        />
        <ActionForm
          id="act-sms-link"
          personId={personId}
          title={t('staff.act.smsLink')}
          fields={[
            { name: 'kpj', label: 'KPJ', inputMode: 'numeric' },
            { name: 'phone', label: t('staff.m360.phone'), inputMode: 'tel' },
          ]}
          submitLabel={t('staff.act.link')}
          done={t('staff.act.done')}
          run={(v, reason) => staffApi.linkSms(personId, { kpj: v.kpj ?? '', phone: v.phone ?? '', reason })}
        />
        <ActionForm
          id="act-sms-unlink"
          personId={personId}
          title={t('staff.act.smsUnlink')}
          fields={[{ name: 'phone', label: t('staff.m360.phone'), inputMode: 'tel' }]}
          submitLabel={t('staff.act.unlink')}
          done={t('staff.act.done')}
          run={(v, reason) => staffApi.unlinkSms(personId, { phone: v.phone ?? '', reason })}
        />
        <ActionForm
          id="act-reset"
          personId={personId}
          title={t('staff.act.passwordReset')}
          fields={[]}
          submitLabel={t('staff.act.send')}
          done={(sent: PasswordResetSent) =>
            keepPhoneNumbersTogether(
              t(sent.channel === 'sms' ? 'staff.act.resetSentSms' : 'staff.act.resetSentEmail', {
                destination: sent.maskedDestination,
              }),
            )
          }
          run={(_v, reason) => staffApi.passwordReset(personId, reason)}
        />
        <ActionForm
          id="act-merge"
          personId={personId}
          title={t('staff.act.merge')}
          fields={[
            { name: 'fromKpj', label: t('staff.act.fromKpj'), inputMode: 'numeric' },
            { name: 'intoKpj', label: t('staff.act.intoKpj'), inputMode: 'numeric' },
          ]}
          submitLabel={t('staff.act.mergeSubmit')}
          done={t('staff.act.done')}
          run={(v, reason) =>
            staffApi.mergeKpj(personId, { fromKpj: v.fromKpj ?? '', intoKpj: v.intoKpj ?? '', reason })
          }
        />
        <ActionForm
          id="act-card"
          personId={personId}
          title={t('staff.act.card')}
          fields={[]}
          submitLabel={t('staff.act.reissue')}
          done={t('staff.act.done')}
          run={(_v, reason) => staffApi.reissueCard(personId, reason)}
        />
        <MemberClaimStart personId={personId} />
      </div>
    </section>
  );
}
