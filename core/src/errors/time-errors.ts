// Codes for dates and periods typed by people.
import type { MessageTable } from './message';

export const timeErrors = {
  date_invalid: {
    id: 'Tanggal tidak valid. Gunakan format HH-BB-TTTT, misalnya 17-08-1990.',
    en: 'The date is not valid. Use DD-MM-YYYY, for example 17-08-1990.',
  },
  period_invalid: {
    id: 'Periode tidak valid. Gunakan format BB-TTTT, misalnya 08-2020.',
    en: 'The period is not valid. Use MM-YYYY, for example 08-2020.',
  },
} as const satisfies MessageTable<string>;
