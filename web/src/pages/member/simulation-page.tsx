// Simulasi: JHT at 56 and JP at pension age from the core projection. The assumptions are the
// member's to change, and every assumption the server used is shown with the result.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { runSimulation } from '../../api/member-api';
import { FormError, Loading } from '../../components/feedback';
import { TextField } from '../../components/form-field';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { localized } from '../../components/text';
import { formatDate } from '../../format/date';
import { formatBasisPoints, formatRupiah, parsePercentToBasisPoints } from '../../format/money';
import { currentLanguage } from '../../i18n/i18n';

function assumptionValue(key: string, value: unknown): string {
  const decimal = currentLanguage() === 'en' ? '.' : ',';
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    if (/BasisPoints$/.test(key)) return formatBasisPoints(value, decimal);
    if (/Rupiah$/.test(key)) return formatRupiah(value);
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (value && typeof value === 'object' && 'id' in value && 'en' in value)
    return localized(value as { id: string; en: string });
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value) ?? '';
}

export function SimulationPage() {
  const { t } = useTranslation();
  const [wageGrowth, setWageGrowth] = useState('5');
  const [returnRate, setReturnRate] = useState('5,5');
  const [age, setAge] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const simulate = useMutation({ mutationFn: runSimulation });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const found: Record<string, string> = {};
    const wageGrowthBasisPoints = parsePercentToBasisPoints(wageGrowth);
    const returnBasisPoints = parsePercentToBasisPoints(returnRate);
    if (wageGrowthBasisPoints === null || wageGrowthBasisPoints < -2000 || wageGrowthBasisPoints > 3000)
      found.wageGrowth = t('simulation.percentInvalid');
    if (returnBasisPoints === null || returnBasisPoints < 0 || returnBasisPoints > 3000)
      found.returnRate = t('simulation.percentInvalid');
    if (age && !(/^\d{2}$/.test(age) && Number(age) >= 40 && Number(age) <= 70))
      found.age = t('simulation.ageInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0 || wageGrowthBasisPoints === null || returnBasisPoints === null) return;
    simulate.mutate(
      age
        ? { wageGrowthBasisPoints, returnBasisPoints, retirementAge: Number(age) }
        : { wageGrowthBasisPoints, returnBasisPoints },
    );
  };

  const { mutate } = simulate;
  useEffect(() => {
    // Run once with the default assumptions shown in the form, so the page opens with an answer.
    mutate({ wageGrowthBasisPoints: 500, returnBasisPoints: 550 });
  }, [mutate]);

  const result = simulate.data;
  return (
    <Page title={t('simulation.title')} lead={t('simulation.lead')}>
      <div className="panel">
        <h2>{t('simulation.assumptionsTitle')}</h2>
        <form className="form" onSubmit={submit} noValidate>
          <FormError error={simulate.error} />
          <div className="field-row">
            <TextField
              id="wage-growth"
              label={t('simulation.wageGrowth')}
              hint={t('simulation.percentHint')}
              error={errors.wageGrowth}
              value={wageGrowth}
              onChange={(e) => setWageGrowth(e.target.value)}
              inputMode="decimal"
            />
            <TextField
              id="return-rate"
              label={t('simulation.returnRate')}
              hint={t('simulation.returnHint')}
              error={errors.returnRate}
              value={returnRate}
              onChange={(e) => setReturnRate(e.target.value)}
              inputMode="decimal"
            />
          </div>
          <TextField
            id="retirement-age"
            label={t('simulation.retirementAge')}
            hint={t('simulation.retirementAgeHint')}
            error={errors.age}
            value={age}
            onChange={(e) => setAge(e.target.value)}
            inputMode="numeric"
            maxLength={2}
          />
          <button type="submit" className="button button--primary" disabled={simulate.isPending}>
            {t('simulation.run')}
          </button>
        </form>
      </div>
      {simulate.isPending ? <Loading /> : null}
      {result ? (
        <section aria-labelledby="sim-result" aria-live="polite">
          <h2 id="sim-result" className="visually-hidden">
            {t('simulation.resultTitle')}
          </h2>
          <div className="card-grid">
            <article className="tile tile--highlight">
              <h3 className="tile-title">{t('simulation.jhtTitle')}</h3>
              <p className="tile-amount">
                <Money amount={result.jhtAt56.amountRupiah} />
              </p>
              <p className="muted small">
                {t('simulation.jhtAt', { date: formatDate(result.jhtAt56.atDate) })}
              </p>
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
              {result.jp.reason ? <p className="muted small">{localized(result.jp.reason)}</p> : null}
            </article>
          </div>
          <div className="panel panel--quiet">
            <h3>{t('simulation.usedTitle')}</h3>
            <dl className="facts">
              {Object.entries(result.assumptions).map(([key, value]) => (
                <div key={key}>
                  <dt>{t(`simulation.assumption.${key}`, { defaultValue: key })}</dt>
                  <dd>{assumptionValue(key, value)}</dd>
                </div>
              ))}
            </dl>
            <p className="muted small">{t('simulation.disclaimer')}</p>
          </div>
        </section>
      ) : null}
    </Page>
  );
}
