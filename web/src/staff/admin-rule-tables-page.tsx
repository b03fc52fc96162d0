// Tabel aturan (admin): the core's effective-dated rule tables with the operator's override rows
// layered over them, and a form to add a row with its regulation and article. The server checks the
// row (value shape, no gaps or overlaps) and its problem response is shown at the field it names.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../api/client';
import { EmptyState, FormError, QueryView, StatusNote } from '../components/feedback';
import { TextArea, TextField } from '../components/form-field';
import { Page } from '../components/page';
import { formatDate } from '../format/date';
import { currentLanguage } from '../i18n/i18n';
import { adminApi, type RuleTables, type RuleTableView } from './staff-api';
import './admin.css';

const tablesKey = ['admin-rule-tables'];

/** What the server says about calculations and overrides; nothing is claimed that it did not say. */
function OverrideUse({ data }: { readonly data: RuleTables }) {
  const { t } = useTranslation();
  const uses = data.calculationsUseOverrides;
  const [text, tone] =
    uses === true
      ? [t('staffAdmin.rules.overridesUsed'), 'alert--success']
      : uses === false
        ? [t('staffAdmin.rules.overridesNotUsed'), 'alert--warning']
        : [t('staffAdmin.rules.overridesUnknown'), 'alert--warning'];
  return (
    <div className={`alert ${tone}`} data-testid="override-use">
      <p className="alert-text">{text}</p>
    </div>
  );
}

function RowsTable({ table }: { readonly table: RuleTableView }) {
  const { t } = useTranslation();
  return (
    <div className="admin-table-scroll">
      <table className="staff-table" data-testid="rule-rows">
        <caption className="visually-hidden" lang="en">
          {table.title}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('staffAdmin.rules.value')}</th>
            <th scope="col">{t('staffAdmin.rules.validFrom')}</th>
            <th scope="col">{t('staffAdmin.rules.validTo')}</th>
            <th scope="col">{t('staffAdmin.rules.regulation')}</th>
            <th scope="col">{t('staffAdmin.rules.article')}</th>
            <th scope="col">{t('staffAdmin.rules.source')}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index} data-source={row.source}>
              <td lang="en">{row.valueText}</td>
              <td className="nowrap">{formatDate(row.validFrom)}</td>
              <td className="nowrap">{row.validTo ? formatDate(row.validTo) : t('staffAdmin.rules.open')}</td>
              <td>{row.regulation}</td>
              <td>{row.article}</td>
              <td>
                <span className={`badge ${row.source === 'override' ? 'badge--late' : 'badge--muted'}`}>
                  {t(`staffAdmin.rules.sources.${row.source}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddRowForm({ table }: { readonly table: RuleTableView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const last = table.rows[table.rows.length - 1];
  const [value, setValue] = useState(last ? JSON.stringify(last.value, null, 2) : '');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [regulation, setRegulation] = useState('');
  const [article, setArticle] = useState('');
  const [note, setNote] = useState('');
  const [valueError, setValueError] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: (parsed: unknown) =>
      adminApi.addRuleRow(table.id, {
        value: parsed,
        validFrom,
        validTo: validTo === '' ? null : validTo,
        regulation,
        article,
        note: note.trim() === '' ? null : note,
      }),
    onSuccess: (view) => {
      queryClient.setQueryData<RuleTables>(tablesKey, (old) =>
        old ? { ...old, tables: old.tables.map((each) => (each.id === view.id ? view : each)) } : old,
      );
      setValidFrom('');
      setValidTo('');
      setRegulation('');
      setArticle('');
      setNote('');
    },
  });
  const errors = fieldErrorsOf(add.error, currentLanguage());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      setValueError(t('staffAdmin.rules.valueNotJson'));
      return;
    }
    setValueError(undefined);
    add.mutate(parsed);
  };
  return (
    <section className="panel" aria-labelledby="add-row-heading">
      <h3 id="add-row-heading">{t('staffAdmin.rules.addTitle')}</h3>
      <p className="muted small">{t('staffAdmin.rules.addLead')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={add.error} />
        <StatusNote>{add.isSuccess ? t('staffAdmin.rules.added') : null}</StatusNote>
        <TextArea
          id="rule-value"
          className="admin-json"
          label={t('staffAdmin.rules.valueJson')}
          hint={t('staffAdmin.rules.valueHint')}
          rows={Math.min(12, Math.max(3, value.split('\n').length))}
          spellCheck={false}
          value={value}
          error={valueError ?? errors.value}
          onChange={(e) => setValue(e.target.value)}
        />
        <div className="field-row">
          <TextField
            id="rule-valid-from"
            type="date"
            label={t('staffAdmin.rules.validFrom')}
            value={validFrom}
            error={errors.validFrom}
            onChange={(e) => setValidFrom(e.target.value)}
          />
          <TextField
            id="rule-valid-to"
            type="date"
            label={t('staffAdmin.rules.validTo')}
            hint={t('staffAdmin.rules.validToHint')}
            value={validTo}
            error={errors.validTo}
            onChange={(e) => setValidTo(e.target.value)}
          />
        </div>
        <div className="field-row">
          <TextField
            id="rule-regulation"
            label={t('staffAdmin.rules.regulation')}
            hint={t('staffAdmin.rules.regulationHint')}
            maxLength={200}
            value={regulation}
            error={errors.regulation}
            onChange={(e) => setRegulation(e.target.value)}
          />
          <TextField
            id="rule-article"
            label={t('staffAdmin.rules.article')}
            hint={t('staffAdmin.rules.articleHint')}
            maxLength={200}
            value={article}
            error={errors.article}
            onChange={(e) => setArticle(e.target.value)}
          />
        </div>
        <TextField
          id="rule-note"
          label={t('staffAdmin.rules.note')}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? t('common.pleaseWait') : t('staffAdmin.rules.add')}
        </button>
      </form>
    </section>
  );
}

function TableDetail({ table }: { readonly table: RuleTableView }) {
  const { t } = useTranslation();
  return (
    <div className="admin-rule-detail">
      <section className="panel" aria-labelledby="rule-table-heading">
        <h2 id="rule-table-heading" lang="en">
          {table.title}
        </h2>
        <p className="muted small">
          <code>{table.id}</code> · {t('staffAdmin.rules.rowCount', { count: table.rows.length })}
        </p>
        {table.issues.length > 0 ? (
          <div className="alert alert--error">
            <p className="alert-text">
              {t('staffAdmin.rules.issues')}{' '}
              {table.issues.map((issue) => `${issue.kind}: ${issue.detail}`).join('; ')}
            </p>
          </div>
        ) : null}
        <RowsTable table={table} />
      </section>
      <AddRowForm key={table.id} table={table} />
    </div>
  );
}

export function AdminRuleTablesPage() {
  const { t } = useTranslation();
  const tables = useQuery({ queryKey: tablesKey, queryFn: adminApi.ruleTables });
  // Local state, not the URL: a navigation would move focus to the page heading on every pick.
  const [selectedId, setSelectedId] = useState('');
  return (
    <Page title={t('staffAdmin.rules.title')} lead={t('staffAdmin.rules.lead')}>
      <QueryView query={tables}>
        {(data) => {
          if (data.tables.length === 0) return <EmptyState title={t('staffAdmin.rules.none')} />;
          const selected = data.tables.find((table) => table.id === selectedId) ?? data.tables[0]!;
          return (
            <>
              <OverrideUse data={data} />
              <div className="admin-rules">
                <nav className="panel admin-rule-picker" aria-label={t('staffAdmin.rules.pickerLabel')}>
                  <ul>
                    {data.tables.map((table) => {
                      const overrides = table.rows.filter((row) => row.source === 'override').length;
                      return (
                        <li key={table.id}>
                          <button
                            type="button"
                            className="admin-rule-pick"
                            aria-current={table.id === selected.id ? 'true' : undefined}
                            onClick={() => setSelectedId(table.id)}
                          >
                            <span lang="en">{table.title}</span>
                            {overrides > 0 ? (
                              <span className="badge badge--late">
                                {t('staffAdmin.rules.overrideCount', { count: overrides })}
                              </span>
                            ) : null}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </nav>
                <TableDetail table={selected} />
              </div>
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
