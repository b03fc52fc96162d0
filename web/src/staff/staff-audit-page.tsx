// The audit log for admins: who did what to which member, when, and why; filter by person, staff user
// and action.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryView } from '../components/feedback';
import { TextField } from '../components/form-field';
import { Page } from '../components/page';
import { formatDateTime } from '../format/date';
import { staffApi } from './staff-api';

export function StaffAuditPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ personId: '', actorUserId: '', action: '' });
  const [filter, setFilter] = useState<Record<string, string>>({ limit: '100' });
  const log = useQuery({ queryKey: ['staff-audit', filter], queryFn: () => staffApi.auditLog(filter) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = { limit: '100' };
    for (const [key, value] of Object.entries(draft)) if (value.trim()) next[key] = value.trim();
    setFilter(next);
  };
  return (
    <Page title={t('staff.audit.title')} lead={t('staff.audit.lead')}>
      <form className="panel form staff-filter" onSubmit={submit}>
        <div className="field-row">
          <TextField
            id="audit-person"
            label={t('staff.audit.personId')}
            inputMode="numeric"
            value={draft.personId}
            onChange={(e) => setDraft({ ...draft, personId: e.target.value })}
          />
          <TextField
            id="audit-actor"
            label={t('staff.audit.actorId')}
            inputMode="numeric"
            value={draft.actorUserId}
            onChange={(e) => setDraft({ ...draft, actorUserId: e.target.value })}
          />
          <TextField
            id="audit-action"
            label={t('staff.audit.action')}
            hint={t('staff.audit.actionHint')}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t('staff.audit.filter')}
        </button>
      </form>
      <div className="panel">
        <QueryView query={log}>
          {(data) =>
            data.entries.length === 0 ? (
              <EmptyState title={t('staff.audit.none')} />
            ) : (
              <table className="staff-table" data-testid="audit-table">
                <thead>
                  <tr>
                    <th scope="col">{t('staff.audit.at')}</th>
                    <th scope="col">{t('staff.audit.actor')}</th>
                    <th scope="col">{t('staff.audit.action')}</th>
                    <th scope="col">{t('staff.audit.personId')}</th>
                    <th scope="col">{t('staff.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.entries.map((entry) => (
                    <tr key={entry.auditId}>
                      <td>{formatDateTime(entry.at)}</td>
                      <td>
                        {entry.actorName ?? '—'} <span className="muted small">{entry.actorRole ?? ''}</span>
                      </td>
                      <td>
                        {t(`staff.actions.${entry.action.replace('.', '_')}`, { defaultValue: entry.action })}
                      </td>
                      <td>{entry.personId ?? '—'}</td>
                      <td>{entry.reason ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryView>
      </div>
    </Page>
  );
}
