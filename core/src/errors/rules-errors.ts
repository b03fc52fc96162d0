// Codes for effective-dated rule lookups.
import type { MessageTable } from './message';

export const rulesErrors = {
  rule_not_in_force: {
    id: 'Tidak ada aturan "{table}" yang berlaku pada tanggal {date}.',
    en: 'No "{table}" rule was in force on {date}.',
  },
} as const satisfies MessageTable<string>;
