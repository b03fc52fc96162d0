// The digital card: as JSON for the portal page, as a PNG and a PDF to download, and the public
// check a branch officer's scan opens.
import { Type } from '@sinclair/typebox';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import { MEMBER, memberPersonId } from '../portal/member-request';
import type { ServiceContext } from '../services/service-context';
import { renderCardPdf } from './card-pdf';
import { renderCardPng } from './card-png';
import { getCard, verifyCard } from './card-service';

const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });

/** Public verify routes answer a scan, not a crawler: a few per minute per address. */
export const PUBLIC_VERIFY_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;

export function cardRoutes(app: App, ctx: ServiceContext): void {
  app.get('/api/v1/me/card', { config: MEMBER }, async (request, reply) => {
    const card = await getCard(ctx, memberPersonId(request));
    if (!card.ok) return sendProblem(request, reply, card);
    const { fullName, kpj, segment, status, programmes, since, employerName, verifyCode, verifyUrl } =
      card.value;
    return { fullName, kpj, segment, status, programmes, since, employerName, verifyCode, verifyUrl };
  });

  app.get('/api/v1/me/card.pdf', { config: MEMBER }, async (request, reply) => {
    const card = await getCard(ctx, memberPersonId(request));
    if (!card.ok) return sendProblem(request, reply, card);
    const pdf = await renderCardPdf(card.value, ctx.clock.now());
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="kartu-${card.value.kpj}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  app.get('/api/v1/me/card.png', { config: MEMBER }, async (request, reply) => {
    const card = await getCard(ctx, memberPersonId(request));
    if (!card.ok) return sendProblem(request, reply, card);
    const png = await renderCardPng(card.value);
    return reply
      .type('image/png')
      .header('content-disposition', `attachment; filename="kartu-${card.value.kpj}.png"`)
      .header('cache-control', 'private, no-store')
      .send(png);
  });

  app.get(
    '/api/v1/cards/verify/:code',
    { config: { access: 'public', rateLimit: PUBLIC_VERIFY_RATE_LIMIT }, schema: { params: CodeParams } },
    async (request) => verifyCard(ctx, request.params.code),
  );
}
