// Bahasa Indonesia / English toggle; the choice is remembered and sets <html lang>.
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../i18n/i18n';

const options: ReadonlyArray<{ value: Language; short: string; name: string }> = [
  { value: 'id', short: 'ID', name: 'Bahasa Indonesia' },
  { value: 'en', short: 'EN', name: 'English' },
];

export function LanguageSwitch({ variant = 'compact' }: { readonly variant?: 'compact' | 'full' }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div
      className={`language-switch language-switch--${variant}`}
      role="group"
      aria-label={t('language.label')}
    >
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          lang={option.value}
          aria-pressed={language === option.value}
          onClick={() => void setLanguage(option.value)}
          title={option.name}
        >
          {variant === 'full' ? option.name : <abbr title={option.name}>{option.short}</abbr>}
        </button>
      ))}
    </div>
  );
}
