// The identity checks a staff member must record before a member's data is shown, per channel. At the
// branch the officer holds the ID card (KTP); on the phone (call centre 175) the caller answers
// questions that the server compares with the record, so the agent never needs to see the data first.
import { nameKey } from '../identity/name-key';
import { normalisePhone } from '../identity/phone';
import { stripSeparators } from '../identity/normalise';
import type { RoleName } from './staff-access-table';

export const VERIFICATION_CHANNELS = ['branch', 'call_centre'] as const;
export type VerificationChannel = (typeof VERIFICATION_CHANNELS)[number];

export type ChecklistItemId =
  | 'id_card_seen'
  | 'photo_matches'
  | 'nik_matches'
  | 'birth_date'
  | 'mother_maiden_name'
  | 'last_employer'
  | 'registered_phone';

/**
 * Which checklists each role may record. A call-centre agent never holds the member's ID card, so a
 * ticked "ID card seen" from them proves nothing: agents verify by the call-centre questions only. A
 * branch officer checks the card at the counter and may also take a call. Nobody else verifies.
 */
export const verificationChannelsByRole: Readonly<Partial<Record<RoleName, readonly VerificationChannel[]>>> =
  {
    agent: ['call_centre'],
    branch_officer: ['branch', 'call_centre'],
  };

export function verificationChannelsFor(role: string): readonly VerificationChannel[] {
  return Object.hasOwn(verificationChannelsByRole, role)
    ? (verificationChannelsByRole[role as RoleName] ?? [])
    : [];
}

export function mayVerifyThrough(role: string, channel: VerificationChannel): boolean {
  return verificationChannelsFor(role).includes(channel);
}

/** How long a passed verification opens a member's data to the staff session that recorded it. */
export const VERIFICATION_VALIDITY_MINUTES = 30;
/** Failed verifications of one member (any staff, any channel) before further attempts are refused. */
export const MAX_FAILED_VERIFICATIONS = 3;
export const FAILED_VERIFICATION_WINDOW_MINUTES = 60;

/**
 * A channel's rule as data: every item in `required` must pass, and at least one item of each group in
 * `anyOf` must pass (call centre: mother's maiden name OR last employer).
 */
export interface ChannelChecklist {
  readonly channel: VerificationChannel;
  readonly required: readonly ChecklistItemId[];
  readonly anyOf: readonly (readonly ChecklistItemId[])[];
}

export const channelChecklists: Readonly<Record<VerificationChannel, ChannelChecklist>> = {
  branch: { channel: 'branch', required: ['id_card_seen', 'photo_matches', 'nik_matches'], anyOf: [] },
  call_centre: {
    channel: 'call_centre',
    required: ['birth_date', 'registered_phone'],
    anyOf: [['mother_maiden_name', 'last_employer']],
  },
};

/** What the staff member recorded: attestations (ticked boxes) and the answers the member gave. */
export interface ChecklistInput {
  readonly idCardSeen?: boolean;
  readonly photoMatches?: boolean;
  readonly nik?: string;
  readonly birthDate?: string;
  readonly motherMaidenName?: string;
  readonly lastEmployer?: string;
  readonly phone?: string;
}

/** What the record says; null when the record does not hold the value (the item cannot pass). */
export interface ChecklistTruth {
  readonly nik: string;
  readonly birthDate: string;
  readonly motherMaidenName: string | null;
  /** Names of the member's employers, most recent first. The last employer is the first entry. */
  readonly employerNames: readonly string[];
  readonly phone: string | null;
}

/** passed / failed per item; 'not_asked' when the staff member left the item empty. */
export type ItemResult = 'passed' | 'failed' | 'not_asked';

export interface ChecklistOutcome {
  readonly channel: VerificationChannel;
  readonly outcome: 'passed' | 'failed';
  readonly items: Readonly<Partial<Record<ChecklistItemId, ItemResult>>>;
}

const isBlank = (value: string | undefined): value is undefined => value === undefined || value.trim() === '';

function compareText(
  given: string | undefined,
  truth: string | null,
  same: (a: string, b: string) => boolean,
): ItemResult {
  if (isBlank(given)) return 'not_asked';
  if (truth === null) return 'failed';
  return same(given, truth) ? 'passed' : 'failed';
}

const sameName = (a: string, b: string): boolean => nameKey(a) !== '' && nameKey(a) === nameKey(b);

function samePhone(given: string, truth: string): boolean {
  const parsed = normalisePhone(given);
  return parsed.ok && parsed.value === truth;
}

function sameEmployer(given: string, employerNames: readonly string[]): ItemResult {
  if (isBlank(given)) return 'not_asked';
  const last = employerNames[0];
  if (last === undefined) return 'failed';
  // "PT Sinar Jaya" and "Sinar Jaya" are the same employer to a caller.
  const strip = (name: string): string => nameKey(name.replace(/^\s*(pt|cv|ud|pd)\.?\s+/i, ''));
  return strip(given) !== '' && strip(given) === strip(last) ? 'passed' : 'failed';
}

function attestation(value: boolean | undefined): ItemResult {
  if (value === undefined) return 'not_asked';
  return value ? 'passed' : 'failed';
}

/** Every item's result for the channel, compared with the record; only the channel's items are judged. */
export function evaluateChecklist(
  channel: VerificationChannel,
  input: ChecklistInput,
  truth: ChecklistTruth,
): ChecklistOutcome {
  const all: Record<ChecklistItemId, () => ItemResult> = {
    id_card_seen: () => attestation(input.idCardSeen),
    photo_matches: () => attestation(input.photoMatches),
    nik_matches: () => compareText(input.nik, truth.nik, (a, b) => stripSeparators(a) === b),
    birth_date: () => compareText(input.birthDate, truth.birthDate, (a, b) => a.trim() === b),
    mother_maiden_name: () => compareText(input.motherMaidenName, truth.motherMaidenName, sameName),
    last_employer: () => sameEmployer(input.lastEmployer ?? '', truth.employerNames),
    registered_phone: () => compareText(input.phone, truth.phone, samePhone),
  };
  const rule = channelChecklists[channel];
  const items: Partial<Record<ChecklistItemId, ItemResult>> = {};
  for (const id of [...rule.required, ...rule.anyOf.flat()]) items[id] = all[id]();
  const passed =
    rule.required.every((id) => items[id] === 'passed') &&
    rule.anyOf.every((group) => group.some((id) => items[id] === 'passed'));
  return { channel, outcome: passed ? 'passed' : 'failed', items };
}

/** True when the staff member filled in enough to judge the channel (each required item and each group). */
export function isChecklistComplete(channel: VerificationChannel, input: ChecklistInput): boolean {
  const given: Record<ChecklistItemId, boolean> = {
    id_card_seen: input.idCardSeen !== undefined,
    photo_matches: input.photoMatches !== undefined,
    nik_matches: !isBlank(input.nik),
    birth_date: !isBlank(input.birthDate),
    mother_maiden_name: !isBlank(input.motherMaidenName),
    last_employer: !isBlank(input.lastEmployer),
    registered_phone: !isBlank(input.phone),
  };
  const rule = channelChecklists[channel];
  return rule.required.every((id) => given[id]) && rule.anyOf.every((group) => group.some((id) => given[id]));
}
