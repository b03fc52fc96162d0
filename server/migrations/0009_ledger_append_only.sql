-- The ledger is append-only (docs/ledger.md): a journal entry and its postings, once written, are never
-- changed or removed; a mistake is corrected with a reversing entry. These triggers make the database
-- itself refuse UPDATE, DELETE and TRUNCATE on both tables, whoever asks. Balances are a running total
-- kept in the same transaction as the postings and are updated by design; `lumbung verify` proves them
-- against the postings. Nothing in the code base updates or deletes these rows (checked when this landed).

create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: correct a journal entry with a reversing entry', tg_table_name
    using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger journal_entries_append_only before update or delete on journal_entries
  for each row execute function ledger_refuse_change();
create trigger journal_entries_no_truncate before truncate on journal_entries
  for each statement execute function ledger_refuse_change();

create trigger postings_append_only before update or delete on postings
  for each row execute function ledger_refuse_change();
create trigger postings_no_truncate before truncate on postings
  for each statement execute function ledger_refuse_change();
