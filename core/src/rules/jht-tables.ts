// JHT claim rules, the articles each JHT claim reason rests on, the online-only claim limit and the tax
// on JHT payouts.
import type { Message } from '../errors/message';
import { formatRupiah, type Rupiah } from '../money/rupiah';
import { formatBasisPoints as pct } from './describe';
import { PROGRAMMES_START_DATE } from './pu-rate-tables';
import { defineRuleTable } from './rule-table';

export type JhtClaimRule = {
  readonly retirementAgeYears: number;
  readonly waitAfterResignationMonths: number;
  readonly waitAfterLayoffMonths: number;
  readonly partialMinMembershipMonths: number;
  readonly partialAnyPurposeMaxBasisPoints: number;
  readonly partialHousingMaxBasisPoints: number;
  readonly partialClaimsPerMembership: number;
};

export const jhtClaimRuleTable = defineRuleTable<JhtClaimRule>({
  id: 'jht_claim',
  title: 'JHT claim rules',
  describe: (value) =>
    `full claim at age ${value.retirementAgeYears}, or ${value.waitAfterResignationMonths} month after ` +
    `resignation / ${value.waitAfterLayoffMonths} month after layoff; partial after ` +
    `${value.partialMinMembershipMonths} months' membership: up to ${pct(value.partialAnyPurposeMaxBasisPoints)} ` +
    `(any purpose) or ${pct(value.partialHousingMaxBasisPoints)} (housing), ${value.partialClaimsPerMembership}× ` +
    'per membership',
  rows: [
    {
      value: {
        retirementAgeYears: 56,
        waitAfterResignationMonths: 1,
        waitAfterLayoffMonths: 1,
        partialMinMembershipMonths: 120,
        partialAnyPurposeMaxBasisPoints: 1000,
        partialHousingMaxBasisPoints: 3000,
        partialClaimsPerMembership: 1,
      },
      validFrom: PROGRAMMES_START_DATE,
      validTo: null,
      regulation: 'PP 46/2015 as amended by PP 60/2015; Permenaker 4/2022',
      article: 'PP 46/2015 art. 22(4)-(6), art. 26; Permenaker 4/2022 art. 5–9',
      confidence: 'H',
      note: 'Permenaker 2/2022 (payout only at 56) was replaced by Permenaker 4/2022 before taking effect.',
    },
  ],
});

export type JhtCitedReason =
  | 'retirement'
  | 'resignation'
  | 'layoff'
  | 'contract_end'
  | 'bpu_stopped'
  | 'leaving_indonesia'
  | 'total_disability'
  | 'death'
  | 'partial_any'
  | 'partial_housing';

/**
 * The articles each JHT claim reason rests on, as the member reads them under "Dasar aturan" (Indonesian
 * legal form: Pasal, ayat, huruf, jo.) and in English. Permenaker 4/2022 art. 4 lists the triggers, art.
 * 5(2) counts resignation, layoff and leaving Indonesia as stopping work, art. 6–7 retirement and the end
 * of a contract or BPU work, art. 8–9 the 1-month wait after resignation (FACTS.md §3, spkep-spsi.org and
 * detik summaries); the partial claim is PP 46/2015 art. 22(4)–(6).
 */
export const jhtClaimCitations: Readonly<Record<JhtCitedReason, Message>> = {
  retirement: {
    id: 'PP 46/2015 jo. PP 60/2015 Pasal 26 ayat (1) huruf a; Permenaker 4/2022 Pasal 6 ayat (1) dan Pasal 7',
    en: 'PP 46/2015 jo. PP 60/2015 art. 26(1)(a); Permenaker 4/2022 art. 6(1) and 7',
  },
  resignation: {
    id: 'Permenaker 4/2022 Pasal 5 ayat (2) huruf a, Pasal 8 dan Pasal 9',
    en: 'Permenaker 4/2022 art. 5(2)(a), 8 and 9',
  },
  layoff: {
    id: 'Permenaker 4/2022 Pasal 5 ayat (2) huruf b',
    en: 'Permenaker 4/2022 art. 5(2)(b)',
  },
  contract_end: {
    id: 'Permenaker 4/2022 Pasal 6 ayat (2) huruf a dan Pasal 7',
    en: 'Permenaker 4/2022 art. 6(2)(a) and 7',
  },
  bpu_stopped: {
    id: 'Permenaker 4/2022 Pasal 6 ayat (2) huruf b dan Pasal 7',
    en: 'Permenaker 4/2022 art. 6(2)(b) and 7',
  },
  leaving_indonesia: {
    id: 'Permenaker 4/2022 Pasal 5 ayat (2) huruf c',
    en: 'Permenaker 4/2022 art. 5(2)(c)',
  },
  total_disability: { id: 'Permenaker 4/2022 Pasal 4 huruf b', en: 'Permenaker 4/2022 art. 4(b)' },
  death: { id: 'Permenaker 4/2022 Pasal 4 huruf c', en: 'Permenaker 4/2022 art. 4(c)' },
  partial_any: {
    id: 'PP 46/2015 jo. PP 60/2015 Pasal 22 ayat (4)–(6)',
    en: 'PP 46/2015 jo. PP 60/2015 art. 22(4)–(6)',
  },
  partial_housing: {
    id: 'PP 46/2015 jo. PP 60/2015 Pasal 22 ayat (4)–(6)',
    en: 'PP 46/2015 jo. PP 60/2015 art. 22(4)–(6)',
  },
};

export type OnlineClaimLimit = { readonly maxBalanceRupiah: Rupiah };

export const onlineClaimLimitTable = defineRuleTable<OnlineClaimLimit>({
  id: 'jht_online_claim_limit',
  title: 'JHT balance limit for a fully online (JMO) claim',
  describe: (value) => `balance up to ${formatRupiah(value.maxBalanceRupiah)}`,
  rows: [
    {
      value: { maxBalanceRupiah: 10_000_000 },
      validFrom: PROGRAMMES_START_DATE,
      validTo: '2025-04-30',
      regulation: 'BPJS Ketenagakerjaan service policy',
      article: 'JMO claim limit (detik; fame.grid.id)',
      confidence: 'H',
      note: 'The date the Rp10 m limit started is not sourced; a configuration value.',
    },
    {
      value: { maxBalanceRupiah: 15_000_000 },
      validFrom: '2025-05-01',
      validTo: null,
      regulation: 'BPJS Ketenagakerjaan service policy',
      article: 'JMO claim limit (okezone 21 Oct 2025, 7 Jan 2026; mataberita)',
      confidence: 'H',
      note: 'Some 2025 articles still say Rp10 m; treat as configuration.',
    },
  ],
});

export type JhtTaxRule = {
  readonly exemptUpToRupiah: Rupiah;
  readonly rateAboveBasisPoints: number;
};

export const jhtTaxTable = defineRuleTable<JhtTaxRule>({
  id: 'jht_tax',
  title: 'Final income tax on a lump-sum JHT payout (configurable)',
  describe: (value) =>
    `0% up to ${formatRupiah(value.exemptUpToRupiah)}, ${pct(value.rateAboveBasisPoints)} on the part above`,
  rows: [
    {
      value: { exemptUpToRupiah: 50_000_000, rateAboveBasisPoints: 500 },
      validFrom: PROGRAMMES_START_DATE,
      validTo: null,
      regulation: 'PP 68/2009',
      article: 'art. 2 (okezone Oct 2025; tribunnews aceh 2022)',
      confidence: 'M',
      note: 'Progressive rates apply if the remainder is paid in year 3 or later; not modelled.',
    },
  ],
});
