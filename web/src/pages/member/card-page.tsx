// Kartu digital: the membership card as text and as the server's image with its QR code, downloadable
// as PNG or PDF for printing.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCard } from '../../api/member-api';
import { QueryView } from '../../components/feedback';
import { Icon, LogoMark } from '../../components/icons';
import { Page } from '../../components/page';
import { formatKpj, formatVerifyCode } from '../../components/text';
import { formatDate } from '../../format/date';

export function CardPage() {
  const { t } = useTranslation();
  const card = useQuery({ queryKey: ['card'], queryFn: fetchCard });
  const [imageFailed, setImageFailed] = useState(false);
  return (
    <Page title={t('card.title')} lead={t('card.lead')}>
      <QueryView query={card}>
        {(data) => (
          <>
            <section className="member-card" aria-label={t('card.title')}>
              <div className="member-card-top">
                <LogoMark size={36} />
                <span>{t('card.cardName')}</span>
              </div>
              <p className="member-card-name">{data.fullName}</p>
              <p className="member-card-kpj">
                <span className="member-card-label">{t('common.kpj')}</span>
                {formatKpj(data.kpj)}
              </p>
              <div className="member-card-bottom">
                <div>
                  <span className="member-card-label">{t('card.programmes')}</span>
                  <span>{data.programmes.join(' · ')}</span>
                </div>
                <div>
                  <span className="member-card-label">{t('card.since')}</span>
                  <span>{formatDate(data.since)}</span>
                </div>
              </div>
            </section>
            <section className="panel center" aria-labelledby="card-qr">
              <h2 id="card-qr">{t('card.qrTitle')}</h2>
              <p>{t('card.qrLead')}</p>
              {imageFailed ? (
                <p className="state state--error">{t('card.imageFailed')}</p>
              ) : (
                <img
                  className="card-image"
                  src="/api/v1/me/card.png"
                  alt={t('card.imageAlt', { name: data.fullName, kpj: formatKpj(data.kpj) })}
                  onError={() => setImageFailed(true)}
                />
              )}
              <p className="muted small">
                {t('card.verifyCode')} <strong className="code">{formatVerifyCode(data.verifyCode)}</strong>
              </p>
            </section>
            <div className="action-row">
              <a className="button button--primary" href="/api/v1/me/card.png" download="kartu-lumbung.png">
                <Icon name="download" /> {t('card.downloadPng')}
              </a>
              <a className="button button--secondary" href="/api/v1/me/card.pdf" download="kartu-lumbung.pdf">
                <Icon name="download" /> {t('card.downloadPdf')}
              </a>
            </div>
          </>
        )}
      </QueryView>
    </Page>
  );
}
