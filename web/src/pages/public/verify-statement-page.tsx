// Public check of an e-statement: the code (from the QR) says whether such a statement was issued; the
// file check says whether this PDF is byte-for-byte the one issued.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ProblemError } from '../../api/client';
import { checkStatementFile, fetchStatementVerification } from '../../api/member-api';
import type { StatementVerification } from '../../api/types';
import { ErrorState, FormError, Loading } from '../../components/feedback';
import { TextField } from '../../components/form-field';
import { Icon } from '../../components/icons';
import { Page } from '../../components/page';
import { formatDateTime, formatPeriod } from '../../format/date';
import { useMonthNames } from '../member/month-names';

export function VerifyStatementPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  return (
    <Page title={t('verify.title')} lead={t('verify.lead')}>
      {code ? <CodeResult code={code} /> : <CodeForm />}
    </Page>
  );
}

function CodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setError(t('verify.codeRequired'));
      return;
    }
    void navigate(`/verify/${encodeURIComponent(code.trim())}`);
  };
  return (
    <div className="panel">
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="verify-code"
          label={t('verify.code')}
          error={error}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoCapitalize="characters"
        />
        <button type="submit" className="button button--primary button--block">
          {t('verify.check')}
        </button>
      </form>
    </div>
  );
}

function CodeResult({ code }: { readonly code: string }) {
  const query = useQuery({
    queryKey: ['verify', code],
    queryFn: () => fetchStatementVerification(code),
    retry: false,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ProblemError && query.error.status === 404) return <NotIssued code={code} />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return query.data.valid ? <Issued code={code} data={query.data} /> : <NotIssued code={code} />;
}

function NotIssued({ code }: { readonly code: string }) {
  const { t } = useTranslation();
  return (
    <div className="verdict verdict--bad" role="alert">
      <Icon name="warning" />
      <div>
        <p className="verdict-title">{t('verify.notFound')}</p>
        <p>{t('verify.notFoundBody', { code })}</p>
      </div>
    </div>
  );
}

function periodText(data: StatementVerification, monthNames: string[]): string {
  if (!data.fromPeriod || !data.toPeriod) return '—';
  return `${formatPeriod(data.fromPeriod, monthNames)} – ${formatPeriod(data.toPeriod, monthNames)}`;
}

function Issued({ code, data }: { readonly code: string; readonly data: StatementVerification }) {
  const { t } = useTranslation();
  const monthNames = useMonthNames();
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: (pdf: File) => checkStatementFile(code, pdf) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) check.mutate(file);
  };
  return (
    <>
      <div className="verdict verdict--good" role="status">
        <Icon name="check" />
        <div>
          <p className="verdict-title">{t('verify.issued')}</p>
          <p>{t('verify.issuedBody')}</p>
        </div>
      </div>
      <div className="panel">
        <dl className="facts">
          <div>
            <dt>{t('verify.code')}</dt>
            <dd className="code">{code}</dd>
          </div>
          <div>
            <dt>{t('common.kpj')}</dt>
            <dd>{data.kpj === 'all' ? t('jht.all') : (data.kpj ?? '—')}</dd>
          </div>
          <div>
            <dt>{t('verify.period')}</dt>
            <dd>{periodText(data, monthNames)}</dd>
          </div>
          <div>
            <dt>{t('verify.generatedAt')}</dt>
            <dd>{data.generatedAt ? formatDateTime(data.generatedAt) : '—'}</dd>
          </div>
          <div>
            <dt>{t('verify.fingerprint')}</dt>
            <dd className="hash">{data.sha256 ?? '—'}</dd>
          </div>
        </dl>
      </div>
      <div className="panel">
        <h2>{t('verify.fileTitle')}</h2>
        <p>{t('verify.fileLead')}</p>
        <form className="form" onSubmit={submit}>
          <FormError error={check.error} />
          {/* The browser's own file button speaks the browser's language ("Choose File"); this one is
              a label in the page's language for a visually hidden input that stays focusable. */}
          <div className="field" role="group" aria-labelledby="statement-file-title">
            <p className="field-title" id="statement-file-title">
              {t('verify.file')}
            </p>
            <div className="file-picker">
              <input
                id="statement-file"
                className="file-picker-input"
                type="file"
                accept="application/pdf,.pdf"
                aria-describedby="statement-file-name"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  check.reset();
                }}
              />
              <label htmlFor="statement-file" className="button button--secondary">
                <Icon name="document" size={20} /> {t('verify.chooseFile')}
              </label>
              <span id="statement-file-name" className="file-picker-name" data-testid="chosen-file">
                {file ? file.name : t('verify.noFile')}
              </span>
            </div>
          </div>
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={!file || check.isPending}
          >
            {check.isPending ? t('common.pleaseWait') : t('verify.checkFile')}
          </button>
        </form>
        <div role="status" aria-live="polite">
          {check.data ? (
            <div
              className={`verdict ${check.data.matches ? 'verdict--good' : 'verdict--bad'}`}
              data-testid="file-verdict"
            >
              <Icon name={check.data.matches ? 'check' : 'warning'} />
              <p className="verdict-title">
                {check.data.matches ? t('verify.matches') : t('verify.changed')}
              </p>
            </div>
          ) : null}
        </div>
      </div>
    </>
  );
}
