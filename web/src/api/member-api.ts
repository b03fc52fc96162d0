// Member endpoints (issue 6 contract, docs/portal-api.md): overview, JHT, contributions, statements,
// card, profile, beneficiaries, security, simulation, news and help tickets. Where an answer carries the
// server's judgement (the summed JHT series, each month's flag and advice, the share totals, the
// simulation's bounds), the pages show it instead of recomputing it.
import { api, apiRequest } from './client';
import type {
  Beneficiary,
  BeneficiaryList,
  Card,
  CardVerification,
  ContributionMonth,
  JhtView,
  NewsItem,
  Overview,
  Profile,
  Relation,
  SecuritySession,
  SignInRecord,
  SimulationAssumptions,
  SimulationResult,
  StatementCreated,
  StatementVerification,
  TicketSummary,
  TicketThread,
} from './types';

/** Lists may come bare or wrapped in one property ({ items: [...] }); accept both. */
export function asList<T>(value: unknown, ...keys: string[]): T[] {
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === 'object') {
    for (const key of [...keys, 'items', 'data']) {
      const inner = (value as Record<string, unknown>)[key];
      if (Array.isArray(inner)) return inner as T[];
    }
  }
  return [];
}

export type WithOffline<T> = T & { readonly offlineSavedAt: string | null };

export async function fetchOverview(): Promise<WithOffline<Overview>> {
  const { data, offlineSavedAt } = await apiRequest<Overview>('/api/v1/me/overview');
  return { ...data, offlineSavedAt };
}

export async function fetchJhtView(): Promise<WithOffline<JhtView>> {
  const { data, offlineSavedAt } = await apiRequest<JhtView>('/api/v1/me/jht');
  return { ...data, offlineSavedAt };
}

export async function fetchContributionMonths(kpj: string | null): Promise<ContributionMonth[]> {
  const query = kpj ? `?kpj=${encodeURIComponent(kpj)}` : '';
  const body = await api<{ months: ContributionMonth[] }>(`/api/v1/me/contributions${query}`);
  return body.months;
}

export function createStatement(
  kpj: string | null,
  fromPeriod: string,
  toPeriod: string,
): Promise<StatementCreated> {
  return api('/api/v1/me/statements', { method: 'POST', body: { kpj, fromPeriod, toPeriod } });
}

export function fetchStatementVerification(code: string): Promise<StatementVerification> {
  return api(`/api/v1/statements/verify/${encodeURIComponent(code)}`, { isAuthProbe: true });
}

export function fetchCardVerification(code: string): Promise<CardVerification> {
  return api(`/api/v1/cards/verify/${encodeURIComponent(code)}`, { isAuthProbe: true });
}

export function checkStatementFile(code: string, file: Blob): Promise<{ matches: boolean }> {
  const pdf = file.type === 'application/pdf' ? file : new Blob([file], { type: 'application/pdf' });
  return api(`/api/v1/statements/verify/${encodeURIComponent(code)}`, {
    method: 'POST',
    rawBody: pdf,
    isAuthProbe: true,
  });
}

export const fetchCard = (): Promise<Card> => api('/api/v1/me/card');

export const fetchProfile = (): Promise<Profile> => api('/api/v1/me/profile');

export const updateProfile = (address: string): Promise<Profile> =>
  api('/api/v1/me/profile', { method: 'PUT', body: { address } });

export const startContactChange = (
  kind: 'phone' | 'email',
  newValue: string,
): Promise<{ changeId: string }> =>
  api('/api/v1/me/contact/change', { method: 'POST', body: { kind, newValue } });

export const verifyContactChange = (changeId: string, oldCode: string, newCode: string): Promise<unknown> =>
  api('/api/v1/me/contact/verify', { method: 'POST', body: { changeId, oldCode, newCode } });

export const fetchBeneficiaryList = (): Promise<BeneficiaryList> => api('/api/v1/me/beneficiaries');

export interface NewBeneficiary {
  readonly name: string;
  readonly relation: Relation;
  readonly nik: string;
  readonly sharePercent: number;
}

export const addBeneficiary = (input: NewBeneficiary): Promise<Beneficiary> =>
  api('/api/v1/me/beneficiaries', { method: 'POST', body: input });

export const removeBeneficiary = (id: string): Promise<unknown> =>
  api(`/api/v1/me/beneficiaries/${encodeURIComponent(id)}`, { method: 'DELETE' });

export async function fetchSessions(): Promise<SecuritySession[]> {
  return asList<SecuritySession>(await api<unknown>('/api/v1/me/security/sessions'), 'sessions');
}

export const revokeSession = (id: string): Promise<unknown> =>
  api(`/api/v1/me/security/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });

export async function fetchSignIns(): Promise<SignInRecord[]> {
  return asList<SignInRecord>(await api<unknown>('/api/v1/me/security/sign-ins'), 'signIns', 'events');
}

export const changePassword = (currentPassword: string, newPassword: string): Promise<unknown> =>
  api('/api/v1/me/security/password', { method: 'POST', body: { currentPassword, newPassword } });

export const setupTotp = (): Promise<{ secret: string; otpauthUrl: string }> =>
  api('/api/v1/me/security/totp/setup', { method: 'POST' });

export const enableTotp = (code: string): Promise<unknown> =>
  api('/api/v1/me/security/totp/enable', { method: 'POST', body: { code } });

export const disableTotp = (code: string): Promise<unknown> =>
  api('/api/v1/me/security/totp/disable', { method: 'POST', body: { code } });

export interface SimulationInput {
  readonly wageGrowthBasisPoints: number;
  readonly returnBasisPoints: number;
  readonly retirementAge?: number;
}

export const runSimulation = (input: SimulationInput): Promise<SimulationResult> =>
  api('/api/v1/me/simulation', { method: 'POST', body: input });

export const fetchSimulationAssumptions = (): Promise<SimulationAssumptions> =>
  api('/api/v1/me/simulation/assumptions');

export async function fetchNews(): Promise<NewsItem[]> {
  return asList<NewsItem>(await api<unknown>('/api/v1/news'), 'news');
}

export const fetchNewsItem = (id: string): Promise<NewsItem> => api(`/api/v1/news/${encodeURIComponent(id)}`);

export async function fetchTickets(): Promise<TicketSummary[]> {
  return (await api<{ tickets: TicketSummary[] }>('/api/v1/me/tickets')).tickets;
}

export const fetchTicket = (id: string): Promise<TicketThread> =>
  api(`/api/v1/me/tickets/${encodeURIComponent(id)}`);

export const createTicket = (subject: string, body: string): Promise<Pick<TicketSummary, 'id' | 'number'>> =>
  api('/api/v1/me/tickets', { method: 'POST', body: { subject, body } });

/** The member's own copy of a file sent with a ticket (served as a download). */
export const ticketAttachmentUrl = (ticketId: number, attachmentId: number): string =>
  `/api/v1/me/tickets/${encodeURIComponent(ticketId)}/attachments/${encodeURIComponent(attachmentId)}`;

export const replyToTicket = (id: string, body: string): Promise<unknown> =>
  api(`/api/v1/me/tickets/${encodeURIComponent(id)}/messages`, { method: 'POST', body: { body } });
