// Whether the member's phones are linked to the SMS balance service, per KPJ (verified staff see the phone: they may need to unlink it).
import type { ServiceContext } from '../services/service-context';

export interface SmsLink {
  readonly kpj: string;
  readonly phone: string;
  readonly linkedBy: 'sms' | 'staff';
  readonly linkedAt: string;
}

export interface SmsLinkStatus {
  readonly links: readonly SmsLink[];
}

export async function smsLinkStatus(ctx: ServiceContext, personId: number): Promise<SmsLinkStatus> {
  const rows = await ctx.db
    .selectFrom('sms_phone_links as l')
    .innerJoin('member_accounts as a', 'a.account_id', 'l.account_id')
    .select(['a.kpj', 'l.phone_cipher', 'l.linked_by', 'l.linked_at'])
    .where('l.person_id', '=', personId)
    .where('l.unlinked_at', 'is', null)
    .orderBy('l.link_id')
    .execute();
  return {
    links: rows.map((row) => ({
      kpj: row.kpj,
      phone: ctx.pii.decrypt(row.phone_cipher),
      linkedBy: row.linked_by,
      linkedAt: new Date(row.linked_at).toISOString(),
    })),
  };
}
