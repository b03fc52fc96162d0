// Month names in the reader's language, for periods ('Maret 2024' / 'March 2024').
import { useTranslation } from 'react-i18next';

export function useMonthNames(): string[] {
  const { t } = useTranslation();
  return t('months', { returnObjects: true }) as string[];
}
