// The pre-check card of the claim wizard: the amounts (gross, tax, net) when claimable, the reason and
// the date from which it will be otherwise, the branch-verification note, and the documents to prepare.
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/money';
import { formatDate } from '../../format/date';
import { formatRupiah } from '../../format/money';
import { currentLanguage } from '../../i18n/i18n';
import type { ClaimAssessment, ClaimOption } from './claim-api';
import { ClaimSchedule } from './claim-schedule';

function Amounts({
  value,
}: {
  readonly value: Pick<ClaimAssessment, 'grossRupiah' | 'taxRupiah' | 'netRupiah'>;
}) {
  const { t } = useTranslation();
  return (
    <dl className="claim-amounts">
      <dt>{t('claim.wizard.gross')}</dt>
      <dd>
        <Money amount={value.grossRupiah} />
      </dd>
      <dt>{t('claim.wizard.tax')}</dt>
      <dd>
        <Money amount={value.taxRupiah} />
      </dd>
      <dt>{t('claim.wizard.net')}</dt>
      <dd data-testid="claim-net">
        <Money amount={value.netRupiah} />
      </dd>
    </dl>
  );
}

function Documents({ types }: { readonly types: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="small">{t('claim.wizard.documentsNeeded')}:</p>
      <ul className="small">
        {types.map((type) => (
          <li key={type}>{t(`claim.document.${type}`)}</li>
        ))}
      </ul>
    </>
  );
}

export function OptionCard({
  option,
  assessment,
}: {
  readonly option: ClaimOption;
  readonly assessment: ClaimAssessment | null;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const shown = assessment ?? (option.isEligible && option.grossRupiah !== null ? option : null);
  return (
    <section
      className={`claim-option${shown ? ' claim-option--eligible' : ''}`}
      aria-labelledby="claim-precheck"
      aria-live="polite"
    >
      <h2 id="claim-precheck">{t('claim.wizard.precheck')}</h2>
      {shown ? (
        <>
          <p className="row-title">{t('claim.wizard.eligibleNow')}</p>
          <Amounts
            value={{
              grossRupiah: shown.grossRupiah ?? 0,
              taxRupiah: shown.taxRupiah ?? 0,
              netRupiah: shown.netRupiah ?? 0,
            }}
          />
          {shown.monthlyRupiah && shown.schedule.length < 2 ? (
            <p>
              {t('claim.wizard.monthly')}: <Money amount={shown.monthlyRupiah} />
            </p>
          ) : null}
          <ClaimSchedule schedule={shown.schedule} />
          {shown.isBranchVerificationRequired ? (
            <p className="alert alert--warning">
              {t('claim.wizard.branchNote', { limit: formatRupiah(shown.onlineLimitRupiah) })}
            </p>
          ) : null}
          {assessment ? (
            <p className="muted small">
              {t('claim.wizard.regulation', { regulation: assessment.regulation[lang] })}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p className="row-title">{t('claim.wizard.notYet')}</p>
          {option.message ? <p>{option.message[lang]}</p> : null}
          {option.eligibleFrom ? (
            <p>{t('claim.wizard.eligibleFrom', { date: formatDate(option.eligibleFrom) })}</p>
          ) : null}
        </>
      )}
      <Documents types={option.requiredDocuments} />
    </section>
  );
}
