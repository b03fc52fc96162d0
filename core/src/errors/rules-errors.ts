// Codes for effective-dated rule lookups and for rule rows an operator adds (a table must stay sound).
import type { MessageTable } from './message';

export const rulesErrors = {
  rule_not_in_force: {
    id: 'Tidak ada aturan "{table}" yang berlaku pada tanggal {date}.',
    en: 'No "{table}" rule was in force on {date}.',
  },
  rule_table_empty: {
    id: 'Tabel aturan tidak memiliki baris.',
    en: 'The rule table has no rows.',
  },
  rule_row_date_invalid: {
    id: 'Tanggal berlaku baris ({from} s.d. {to}) tidak valid.',
    en: 'The dates of the row ({from} to {to}) are not valid.',
  },
  rule_row_dates_inverted: {
    id: 'Baris yang mulai berlaku {from} berakhir lebih dulu ({to}).',
    en: 'The row from {from} ends before it starts ({to}).',
  },
  rule_row_gap: {
    id: 'Tidak akan ada aturan yang berlaku dari {from} sampai {to}.',
    en: 'No rule would be in force from {from} to {to}.',
  },
  rule_row_overlap: {
    id: 'Baris yang mulai berlaku {from} tumpang tindih dengan baris sebelumnya, yang berlaku sampai {to}.',
    en: 'The row from {from} overlaps the row before it, which is in force until {to}.',
  },
  rule_row_open_not_last: {
    id: 'Baris yang mulai berlaku {from} tidak punya tanggal akhir, padahal ada baris sesudahnya.',
    en: 'The row from {from} has no end date, but a row follows it.',
  },
  rule_row_starts_too_early: {
    id: 'Baris baru harus mulai berlaku sesudah {last}, tanggal mulai baris terakhir tabel ini.',
    en: "A new row must start after {last}, the first day of the table's last row.",
  },
  rule_row_value_shape: {
    id: 'Nilai tidak berbentuk sama dengan nilai-nilai di tabel ini.',
    en: "The value does not have the shape of this table's values.",
  },
  rule_row_regulation_required: {
    id: 'Peraturan wajib diisi.',
    en: 'The regulation is required.',
  },
  rule_row_article_required: {
    id: 'Pasal atau sumber wajib diisi.',
    en: 'The article or source is required.',
  },
} as const satisfies MessageTable<string>;
