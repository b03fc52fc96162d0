// JKK, JKM and JKP shown as what they are: protection that is active, with the benefit amounts the
// core calculates for today and the member's last reported wage. Labels come in both languages, with a
// stable key for front ends that translate themselves.
import { calculateJkkDeathBenefit, calculateStmb } from '@lumbung/core/jkk/jkk-benefit';
import { calculateJkmBenefit } from '@lumbung/core/jkm/jkm-benefit';
import { calculateJkpBenefit } from '@lumbung/core/jkp/jkp-benefit';
import { formatRupiah, type Rupiah } from '@lumbung/core';

export interface Text {
  readonly id: string;
  readonly en: string;
}

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
}

const WAGE_MISSING: Text = {
  id: 'Dihitung dari upah terakhir yang dilaporkan; belum ada laporan upah.',
  en: 'Calculated from the last reported wage; no wage has been reported yet.',
};

export function jkkProtection(input: ProtectionInput): Protection {
  const wage = input.wageMonthlyRupiah;
  const death =
    wage === null ? null : calculateJkkDeathBenefit({ wageMonthlyRupiah: wage, accidentDate: input.asOf });
  const stmb =
    wage === null
      ? null
      : calculateStmb({ wageMonthlyRupiah: wage, incapacityMonths: 1, accidentDate: input.asOf });
  const deathValue = death?.ok ? death.value : null;
  return {
    active: input.isJkkJkmActive,
    benefits: [
      {
        key: 'jkk.medical',
        label: { id: 'Perawatan medis', en: 'Medical care' },
        amountRupiah: null,
        description: {
          id: 'Perawatan sesuai kebutuhan medis tanpa batas biaya, di rumah sakit kelas I (PP 82/2019).',
          en: 'Care as medically needed with no cost ceiling, in a class-I hospital ward (PP 82/2019).',
        },
      },
      {
        key: 'jkk.stmb',
        label: { id: 'Santunan tidak mampu bekerja (per bulan)', en: 'Temporary incapacity pay (per month)' },
        amountRupiah: stmb?.ok ? (stmb.value.months[0]?.amountRupiah ?? null) : null,
        description:
          wage === null
            ? WAGE_MISSING
            : {
                id: '100% upah selama 12 bulan pertama, lalu 50% sampai sembuh.',
                en: '100% of wage for the first 12 months, then 50% until recovery.',
              },
      },
      {
        key: 'jkk.death',
        label: { id: 'Santunan kematian karena kecelakaan kerja', en: 'Death from a work accident' },
        amountRupiah: deathValue?.totalRupiah ?? null,
        description: deathValue
          ? {
              id: `48 × upah terakhir (${formatRupiah(deathValue.wageMultipleRupiah)}) + santunan berkala ${formatRupiah(deathValue.periodicRupiah)} + biaya pemakaman ${formatRupiah(deathValue.funeralRupiah)}.`,
              en: `48 × last wage (${formatRupiah(deathValue.wageMultipleRupiah)}) + periodic ${formatRupiah(deathValue.periodicRupiah)} + funeral ${formatRupiah(deathValue.funeralRupiah)}.`,
            }
          : WAGE_MISSING,
      },
      {
        key: 'jkk.scholarship',
        label: { id: 'Beasiswa anak (maksimal)', en: "Children's scholarship (maximum)" },
        amountRupiah: deathValue?.scholarship.maxTotalRupiah ?? null,
        description: {
          id: 'Untuk paling banyak 2 anak bila peserta meninggal atau cacat total tetap karena kecelakaan kerja.',
          en: 'For up to 2 children if the member dies or is totally and permanently disabled by a work accident.',
        },
      },
    ],
  };
}

export function jkmProtection(input: ProtectionInput): Protection {
  const start = input.membershipStartDate ?? input.asOf;
  const jkm = calculateJkmBenefit({ deathDate: input.asOf, membershipStartDate: start });
  const value = jkm.ok ? jkm.value : null;
  const scholarship = value?.scholarship;
  return {
    active: input.isJkkJkmActive,
    benefits: [
      {
        key: 'jkm.total',
        label: { id: 'Santunan kematian', en: 'Death benefit' },
        amountRupiah: value?.totalRupiah ?? null,
        description: value
          ? {
              id: `Santunan sekaligus ${formatRupiah(value.lumpSumRupiah)} + berkala ${formatRupiah(value.periodicRupiah)} + biaya pemakaman ${formatRupiah(value.funeralRupiah)} (${value.regulation}).`,
              en: `Lump sum ${formatRupiah(value.lumpSumRupiah)} + periodic ${formatRupiah(value.periodicRupiah)} + funeral ${formatRupiah(value.funeralRupiah)} (${value.regulation}).`,
            }
          : { id: 'Santunan bagi ahli waris.', en: 'Paid to the heirs.' },
      },
      {
        key: 'jkm.scholarship',
        label: { id: 'Beasiswa anak (maksimal)', en: "Children's scholarship (maximum)" },
        amountRupiah: scholarship?.maxTotalRupiah ?? null,
        description: scholarship?.isEligible
          ? { id: 'Untuk paling banyak 2 anak.', en: 'For up to 2 children.' }
          : {
              id: `Berlaku setelah 3 tahun kepesertaan (mulai ${scholarship?.eligibleFrom ?? '-'}).`,
              en: `Available after 3 years of membership (from ${scholarship?.eligibleFrom ?? '-'}).`,
            },
      },
    ],
  };
}

export function jkpProtection(input: ProtectionInput): Protection {
  const wage = input.wageMonthlyRupiah;
  const jkp =
    wage === null || !input.isJkpActive
      ? null
      : calculateJkpBenefit({ wageMonthlyRupiah: wage, phkDate: input.asOf });
  const value = jkp?.ok ? jkp.value : null;
  return {
    active: input.isJkpActive,
    benefits: [
      {
        key: 'jkp.cash',
        label: { id: 'Uang tunai bila terkena PHK (total)', en: 'Cash benefit after a layoff (total)' },
        amountRupiah: value?.totalRupiah ?? null,
        description: value
          ? {
              id: `${value.months.length} bulan × ${formatRupiah(value.months[0]?.amountRupiah ?? 0)} (60% dari upah maks. Rp5.000.000; ${value.regulation}).`,
              en: `${value.months.length} months × ${formatRupiah(value.months[0]?.amountRupiah ?? 0)} (60% of wage capped at Rp5,000,000; ${value.regulation}).`,
            }
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
