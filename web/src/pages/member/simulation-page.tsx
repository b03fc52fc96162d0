// Simulasi: JHT at the claim age and JP at pension age from the core projection. The assumptions are
// the member's to change within the bounds the server states (with its defaults as the starting
// values); the server checks them and its field errors show on the fields. Every assumption the server
// used is shown with the result.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/client';
import { fetchSimulationAssumptions, runSimulation, type SimulationInput } from '../../api/member-api';
import type { SimulationAssumptions, SimulationResult } from '../../api/types';
import { FormError, Loading, QueryView } from '../../components/feedback';
import { TextField } from '../../components/form-field';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { localized } from '../../components/text';
import { formatDate } from '../../format/date';
import {
  basisPointsToPercentText,
  formatBasisPoints,
  formatRupiah,
  parsePercentToBasisPoints,
} from '../../format/money';
import { currentLanguage } from '../../i18n/i18n';

const decimalMark = (): string => (currentLanguage() === 'en' ? '.' : ',');

function assumptionValue(key: string, value: unknown, t: (key: string) => string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    if (/BasisPoints$/.test(key)) return formatBasisPoints(value, decimalMark());
    if (/Rupiah$/.test(key)) return formatRupiah(value);
  }
  if (value === null) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (key === 'jpPricesBasis' && typeof value === 'string') return t(`simulation.pricesBasis.${value}`);
  if (value && typeof value === 'object' && 'id' in value && 'en' in value)
    return localized(value as { id: string; en: string });
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value) ?? '';
}

export function SimulationPage() {
  const { t } = useTranslation();
  const assumptions = useQuery({ queryKey: ['simulation-assumptions'], queryFn: fetchSimulationAssumptions });
  return (
    <Page title={t('simulation.title')} lead={t('simulation.lead')}>
      <QueryView query={assumptions}>{(bounds) => <Simulation bounds={bounds} />}</QueryView>
    </Page>
  );
}

function Simulation({ bounds }: { readonly bounds: SimulationAssumptions }) {
  const { t } = useTranslation();
  const [wageGrowth, setWageGrowth] = useState(() =>
    basisPointsToPercentText(bounds.wageGrowthBasisPoints.default, decimalMark()),
  );
  const [returnRate, setReturnRate] = useState(() =>
    basisPointsToPercentText(bounds.returnBasisPoints.default, decimalMark()),
  );
  const [age, setAge] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const simulate = useMutation({ mutationFn: runSimulation });
  const server = fieldErrorsOf(simulate.error, currentLanguage());

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    // Only whether the text reads as a number is checked here; the bounds are the server's.
    const found: Record<string, string> = {};
    const wageGrowthBasisPoints = parsePercentToBasisPoints(wageGrowth);
    const returnBasisPoints = parsePercentToBasisPoints(returnRate);
    if (wageGrowthBasisPoints === null) found.wageGrowth = t('simulation.percentInvalid');
    if (returnBasisPoints === null) found.returnRate = t('simulation.percentInvalid');
    if (age.trim() && !/^\d{1,3}$/.test(age.trim())) found.age = t('simulation.ageInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0 || wageGrowthBasisPoints === null || returnBasisPoints === null) return;
    const input: SimulationInput = age.trim()
      ? { wageGrowthBasisPoints, returnBasisPoints, retirementAge: Number(age.trim()) }
      : { wageGrowthBasisPoints, returnBasisPoints };
    simulate.mutate(input);
  };

  const { mutate } = simulate;
  useEffect(() => {
    // Run once with the server's defaults, shown in the form, so the page opens with an answer.
    mutate({
      wageGrowthBasisPoints: bounds.wageGrowthBasisPoints.default,
      returnBasisPoints: bounds.returnBasisPoints.default,
    });
  }, [mutate, bounds]);

  const range = (bound: SimulationAssumptions['returnBasisPoints']) => ({
    min: basisPointsToPercentText(bound.min, decimalMark()),
    max: basisPointsToPercentText(bound.max, decimalMark()),
  });
  return (
    <>
      <div className="panel">
        <h2>{t('simulation.assumptionsTitle')}</h2>
        <form className="form" onSubmit={submit} noValidate>
          <FormError error={simulate.error} />
          <div className="field-row">
            <TextField
              id="wage-growth"
              label={t('simulation.wageGrowth')}
              hint={t('simulation.percentRange', range(bounds.wageGrowthBasisPoints))}
              error={errors.wageGrowth ?? server.wageGrowthBasisPoints}
              value={wageGrowth}
              onChange={(e) => setWageGrowth(e.target.value)}
              inputMode="decimal"
            />
            <TextField
              id="return-rate"
              label={t('simulation.returnRate')}
              hint={`${t('simulation.percentRange', range(bounds.returnBasisPoints))} ${t('simulation.returnHint')}`}
              error={errors.returnRate ?? server.returnBasisPoints}
              value={returnRate}
              onChange={(e) => setReturnRate(e.target.value)}
              inputMode="decimal"
            />
          </div>
          <TextField
            id="retirement-age"
            label={t('simulation.retirementAge')}
            hint={t('simulation.retirementAgeHint', {
              age: bounds.retirementAge.default,
              min: bounds.retirementAge.min,
              max: bounds.retirementAge.max,
            })}
            error={errors.age ?? server.retirementAge}
            value={age}
            onChange={(e) => setAge(e.target.value)}
            inputMode="numeric"
            maxLength={3}
          />
          <button type="submit" className="button button--primary" disabled={simulate.isPending}>
            {t('simulation.run')}
          </button>
        </form>
      </div>
      {simulate.isPending ? <Loading /> : null}
      {simulate.data ? (
        <SimulationAnswer result={simulate.data} defaultAge={bounds.retirementAge.default} />
      ) : null}
    </>
  );
}

function SimulationAnswer({
  result,
  defaultAge,
}: {
  readonly result: SimulationResult;
  readonly defaultAge: number;
}) {
  const { t } = useTranslation();
  const jhtAge = result.assumptions.retirementAge;
  const reason = result.jp.reason;
  return (
    <section aria-labelledby="sim-result" aria-live="polite">
      <h2 id="sim-result" className="visually-hidden">
        {t('simulation.resultTitle')}
      </h2>
      <div className="card-grid">
        <article className="tile tile--highlight">
          <h3 className="tile-title">
            {t('simulation.jhtTitle', { age: typeof jhtAge === 'number' ? jhtAge : defaultAge })}
          </h3>
          <p className="tile-amount">
            <Money amount={result.jhtAt56.amountRupiah} />
          </p>
          <p className="muted small">{t('simulation.jhtAt', { date: formatDate(result.jhtAt56.atDate) })}</p>
        </article>
        <article className="tile tile--highlight">
          <h3 className="tile-title">{t('simulation.jpTitle', { age: result.jp.pensionAge })}</h3>
          {result.jp.monthlyRupiah !== null ? (
            <p className="tile-amount">
              <Money amount={result.jp.monthlyRupiah} />{' '}
              <span className="per">{t('simulation.perMonth')}</span>
            </p>
          ) : result.jp.lumpSumRupiah !== null ? (
            <p className="tile-amount">
              <Money amount={result.jp.lumpSumRupiah} />{' '}
              <span className="per">{t('simulation.lumpSum')}</span>
            </p>
          ) : (
            <p>{t('simulation.noJp')}</p>
          )}
          {reason ? (
            <p className="muted small">
              {typeof reason === 'string'
                ? t(`simulation.jpReason.${reason}`, { defaultValue: '' })
                : localized(reason)}
            </p>
          ) : null}
        </article>
      </div>
      <div className="panel panel--quiet">
        <h3>{t('simulation.usedTitle')}</h3>
        <dl className="facts">
          {Object.entries(result.assumptions).map(([key, value]) => (
            <div key={key}>
              <dt>{t(`simulation.assumption.${key}`, { defaultValue: key })}</dt>
              <dd>{assumptionValue(key, value, t)}</dd>
            </div>
          ))}
        </dl>
        <p className="muted small">{t('simulation.disclaimer')}</p>
      </div>
    </section>
  );
}
