// JKK, JKM and JKP shown as what they are: protection that is active, with the benefit amounts the
// core calculates for today and the member's last reported wage, by the rule book in force. Labels and
// descriptions come in both languages (the citation in Indonesian legal form in the Indonesian text),
// amounts written as the portal writes them ("Rp 5.000.000"), with a stable key for front ends that
// translate themselves.
import {
  citationOf,
  firstValidFrom,
  formatBasisPoints,
  formatDateIndonesian,
  formatRupiahForMember as rupiah,
  getRuleInForce,
  maxDate,
  type Message,
  type RuleBook,
  type Rupiah,
} from '@lumbung/core';
import { calculateJkkDeathBenefit, calculateStmb, jkkBenefitRuleOn } from '@lumbung/core/jkk/jkk-benefit';
import { calculateJkmBenefit } from '@lumbung/core/jkm/jkm-benefit';
import { calculateJkpBenefit, type JkpBenefit } from '@lumbung/core/jkp/jkp-benefit';
import type { StmbStep } from '@lumbung/core/rules/benefit-tables';

export type Text = Message;

export interface ProtectionBenefit {
  /** Stable i18n key, e.g. 'jkm.total'. */
  readonly key: string;
  readonly label: Text;
  readonly amountRupiah: Rupiah | null;
  readonly description: Text;
}

export interface Protection {
  readonly active: boolean;
  readonly benefits: ProtectionBenefit[];
}

export interface ProtectionInput {
  /** Today in WIB. */
  readonly asOf: string;
  readonly isJkkJkmActive: boolean;
  /** JKP covers wage earners (PU) only (PP 37/2021 art. 2). */
  readonly isJkpActive: boolean;
  /** The earliest active membership start, for the JKM scholarship's 3-year condition. */
  readonly membershipStartDate: string | null;
  /** Last reported wage (PU) or declared income (BPU); null when none yet. */
  readonly wageMonthlyRupiah: Rupiah | null;
  /** The rule book in force (ctx.rules.current): an operator's rows change these figures too. */
  readonly rules: RuleBook;
}

const WAGE_MISSING: Text = {
  id: 'Dihitung dari upah terakhir yang dilaporkan; belum ada laporan upah.',
  en: 'Calculated from the last reported wage; no wage has been reported yet.',
};

/** A rate as each language writes it: '0,54%' in Indonesian, '0.54%' in English. */
const percent = (basisPoints: number): Text => {
  const en = formatBasisPoints(basisPoints);
  return { id: en.replace('.', ','), en };
};

/** "100% upah selama 12 bulan pertama, lalu 50% sampai sembuh." from the rule's STMB steps. */
function stmbText(steps: readonly StmbStep[]): Text {
  const id: string[] = [];
  const en: string[] = [];
  steps.forEach((step, index) => {
    const rate = percent(step.wageBasisPoints);
    if (step.months === null) {
      id.push(`lalu ${rate.id} sampai sembuh`);
      en.push(`then ${rate.en} until recovery`);
    } else if (index === 0) {
      id.push(`${rate.id} upah selama ${step.months} bulan pertama`);
      en.push(`${rate.en} of wage for the first ${step.months} months`);
    } else {
      id.push(`${rate.id} selama ${step.months} bulan berikutnya`);
      en.push(`${rate.en} for the next ${step.months} months`);
    }
  });
  return { id: `${id.join(', ')}.`, en: `${en.join(', ')}.` };
}

/** 36 → '3 tahun' / '3 years'; 18 → '18 bulan' / '18 months'. */
function membershipText(months: number): Text {
  return months % 12 === 0
    ? { id: `${months / 12} tahun`, en: `${months / 12} year${months === 12 ? '' : 's'}` }
    : { id: `${months} bulan`, en: `${months} months` };
}

export function jkkProtection(input: ProtectionInput): Protection {
  const { rules } = input;
  const wage = input.wageMonthlyRupiah;
  const rule = jkkBenefitRuleOn(input.asOf, rules);
  const table = rules.jkk_benefit;
  const cite = citationOf(getRuleInForce(table, maxDate(input.asOf, firstValidFrom(table))));
  const death =
    wage === null
      ? null
      : calculateJkkDeathBenefit({ wageMonthlyRupiah: wage, accidentDate: input.asOf }, rules);
  const stmb =
    wage === null
      ? null
      : calculateStmb({ wageMonthlyRupiah: wage, incapacityMonths: 1, accidentDate: input.asOf }, rules);
  const deathValue = death?.ok ? death.value : null;
  const children = rule.scholarship.maxChildren;
  return {
    active: input.isJkkJkmActive,
    benefits: [
      {
        key: 'jkk.medical',
        label: { id: 'Perawatan medis', en: 'Medical care' },
        amountRupiah: null,
        description: {
          id: `Perawatan sesuai kebutuhan medis tanpa batas biaya, di rumah sakit kelas I (${cite.id}).`,
          en: `Care as medically needed with no cost ceiling, in a class-I hospital ward (${cite.en}).`,
        },
      },
      {
        key: 'jkk.stmb',
        label: { id: 'Santunan tidak mampu bekerja (per bulan)', en: 'Temporary incapacity pay (per month)' },
        amountRupiah: stmb?.ok ? (stmb.value.months[0]?.amountRupiah ?? null) : null,
        description: wage === null ? WAGE_MISSING : stmbText(rule.stmbSteps),
      },
      {
        key: 'jkk.death',
        label: { id: 'Santunan kematian karena kecelakaan kerja', en: 'Death from a work accident' },
        amountRupiah: deathValue?.totalRupiah ?? null,
        description: deathValue
          ? {
              id:
                `${rule.deathWageMultiple} × upah terakhir (${rupiah(deathValue.wageMultipleRupiah)}) + santunan ` +
                `berkala ${rupiah(deathValue.periodicRupiah)} + biaya pemakaman ${rupiah(deathValue.funeralRupiah)}.`,
              en:
                `${rule.deathWageMultiple} × last wage (${rupiah(deathValue.wageMultipleRupiah)}) + periodic ` +
                `${rupiah(deathValue.periodicRupiah)} + funeral ${rupiah(deathValue.funeralRupiah)}.`,
            }
          : WAGE_MISSING,
      },
      {
        key: 'jkk.scholarship',
        label: { id: 'Beasiswa anak (maksimal)', en: "Children's scholarship (maximum)" },
        amountRupiah: deathValue?.scholarship.maxTotalRupiah ?? null,
        description: {
          id: `Untuk paling banyak ${children} anak bila peserta meninggal atau cacat total tetap karena kecelakaan kerja.`,
          en: `For up to ${children} ${children === 1 ? 'child' : 'children'} if the member dies or is totally and permanently disabled by a work accident.`,
        },
      },
    ],
  };
}

export function jkmProtection(input: ProtectionInput): Protection {
  const start = input.membershipStartDate ?? input.asOf;
  const jkm = calculateJkmBenefit({ deathDate: input.asOf, membershipStartDate: start }, input.rules);
  const value = jkm.ok ? jkm.value : null;
  const scholarship = value?.scholarship;
  const table = input.rules.jkm_benefit;
  const after = membershipText(
    getRuleInForce(table, maxDate(input.asOf, firstValidFrom(table))).value.scholarship.minMembershipMonths,
  );
  const children = scholarship?.maxChildren ?? 0;
  const from = scholarship ? formatDateIndonesian(scholarship.eligibleFrom) : '-';
  return {
    active: input.isJkkJkmActive,
    benefits: [
      {
        key: 'jkm.total',
        label: { id: 'Santunan kematian', en: 'Death benefit' },
        amountRupiah: value?.totalRupiah ?? null,
        description: value
          ? {
              id:
                `Santunan sekaligus ${rupiah(value.lumpSumRupiah)} + berkala ${rupiah(value.periodicRupiah)} + ` +
                `biaya pemakaman ${rupiah(value.funeralRupiah)} (${value.citation.id}).`,
              en:
                `Lump sum ${rupiah(value.lumpSumRupiah)} + periodic ${rupiah(value.periodicRupiah)} + ` +
                `funeral ${rupiah(value.funeralRupiah)} (${value.citation.en}).`,
            }
          : { id: 'Santunan bagi ahli waris.', en: 'Paid to the heirs.' },
      },
      {
        key: 'jkm.scholarship',
        label: { id: 'Beasiswa anak (maksimal)', en: "Children's scholarship (maximum)" },
        amountRupiah: scholarship?.maxTotalRupiah ?? null,
        description: scholarship?.isEligible
          ? {
              id: `Untuk paling banyak ${children} anak.`,
              en: `For up to ${children} ${children === 1 ? 'child' : 'children'}.`,
            }
          : {
              id: `Berlaku setelah ${after.id} kepesertaan (mulai ${from}).`,
              en: `Available after ${after.en} of membership (from ${from}).`,
            },
      },
    ],
  };
}

/** "6 bulan × Rp 3.000.000 (60%), dari upah paling tinggi Rp 5.000.000 (…)." from the rule applied. */
function jkpText(value: JkpBenefit): Text {
  let first = 0;
  const parts = value.rule.steps.map((step) => {
    const amount = rupiah(value.months[first]?.amountRupiah ?? 0);
    first += step.months;
    const rate = percent(step.wageBasisPoints);
    return {
      id: `${step.months} bulan × ${amount} (${rate.id})`,
      en: `${step.months} months × ${amount} (${rate.en})`,
    };
  });
  const cap = rupiah(value.rule.wageCapRupiah);
  return {
    id: `${parts.map((part) => part.id).join(' lalu ')}, dari upah paling tinggi ${cap} (${value.citation.id}).`,
    en: `${parts.map((part) => part.en).join(' then ')}, of the wage capped at ${cap} (${value.citation.en}).`,
  };
}

export function jkpProtection(input: ProtectionInput): Protection {
  const wage = input.wageMonthlyRupiah;
  const jkp =
    wage === null || !input.isJkpActive
      ? null
      : calculateJkpBenefit({ wageMonthlyRupiah: wage, phkDate: input.asOf }, input.rules);
  const value = jkp?.ok ? jkp.value : null;
  return {
    active: input.isJkpActive,
    benefits: [
      {
        key: 'jkp.cash',
        label: { id: 'Uang tunai bila terkena PHK (total)', en: 'Cash benefit after a layoff (total)' },
        amountRupiah: value?.totalRupiah ?? null,
        description: value
          ? jkpText(value)
          : input.isJkpActive
            ? WAGE_MISSING
            : { id: 'Hanya untuk peserta penerima upah.', en: 'For wage earners only.' },
      },
      {
        key: 'jkp.training',
        label: { id: 'Informasi pasar kerja dan pelatihan', en: 'Job-market information and training' },
        amountRupiah: null,
        description: {
          id: 'Tanpa biaya bagi peserta yang terkena PHK.',
          en: 'Free for members who were laid off.',
        },
      },
    ],
  };
}
