// The words of a claim status notification (in-app, SMS, e-mail) in the member's language. Pure: the
// server stores the params and renders on demand.
import { formatAlertRupiah } from '../alert/alert-format';
import type { NotificationText } from '../alert/alert-messages';
import type { Language } from '../errors/message';
import {
  CLAIM_REJECTION_REASONS,
  CLAIM_STATUSES,
  type ClaimRejectionReason,
  type ClaimStatus,
} from './claim-types';

export interface ClaimStatusParams {
  readonly claimNumber: string;
  readonly programme: string;
  readonly status: ClaimStatus;
  readonly netRupiah: number;
  readonly reasonCode?: string;
}

export function parseClaimStatusParams(value: unknown): ClaimStatusParams | null {
  if (typeof value !== 'object' || value === null) return null;
  const params = value as Record<string, unknown>;
  if (typeof params.claimNumber !== 'string' || typeof params.programme !== 'string') return null;
  if (!(CLAIM_STATUSES as readonly unknown[]).includes(params.status)) return null;
  if (!Number.isSafeInteger(params.netRupiah)) return null;
  return {
    claimNumber: params.claimNumber,
    programme: params.programme,
    status: params.status as ClaimStatus,
    netRupiah: params.netRupiah as number,
    ...(typeof params.reasonCode === 'string' ? { reasonCode: params.reasonCode } : {}),
  };
}

const STATUS_WORDS: Readonly<Record<ClaimStatus, { id: string; en: string }>> = {
  draft: { id: 'dibuat', en: 'created' },
  branch_verification: {
    id: 'menunggu verifikasi di kantor cabang',
    en: 'waiting for verification at a branch',
  },
  submitted: { id: 'diterima dan sedang diperiksa', en: 'received and under review' },
  approved: { id: 'disetujui', en: 'approved' },
  payment_failed: { id: 'gagal ditransfer oleh bank', en: 'not transferred by the bank' },
  paid: { id: 'sudah dibayar', en: 'paid' },
  rejected: { id: 'ditolak', en: 'rejected' },
  cancelled: { id: 'dibatalkan', en: 'cancelled' },
  expired: { id: 'kedaluwarsa', en: 'expired' },
};

export function claimStatusText(params: ClaimStatusParams, language: Language): NotificationText {
  const word = STATUS_WORDS[params.status][language];
  const amount = formatAlertRupiah(params.netRupiah);
  const reason =
    params.reasonCode !== undefined && Object.hasOwn(CLAIM_REJECTION_REASONS, params.reasonCode)
      ? CLAIM_REJECTION_REASONS[params.reasonCode as ClaimRejectionReason][language]
      : '';
  const lines = reason === '' ? [] : [reason];
  if (language === 'en') {
    return {
      title: `${params.programme} claim ${params.claimNumber} ${word}`,
      intro: `Your ${params.programme} claim ${params.claimNumber} (${amount}) is ${word}.`,
      lines,
      outro: 'Open Lumbung to follow your claim.',
      sms: `Lumbung: ${params.programme} claim ${params.claimNumber} ${word}.${reason === '' ? '' : ` ${reason}`}`,
    };
  }
  return {
    title: `Klaim ${params.programme} ${params.claimNumber} ${word}`,
    intro: `Klaim ${params.programme} Anda ${params.claimNumber} (${amount}) ${word}.`,
    lines,
    outro: 'Buka Lumbung untuk melihat perkembangan klaim Anda.',
    sms: `Lumbung: klaim ${params.programme} ${params.claimNumber} ${word}.${reason === '' ? '' : ` ${reason}`}`,
  };
}
