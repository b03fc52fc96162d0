-- Change notifications for the in-process read caches (server/src/db/change-feed.ts). Every process
-- that caches listens on channel lumbung_changes; these triggers tell it, when a transaction commits,
-- which kind of cached data another process may have changed:
--   'views'    a member's balance views (ledger, accounts, employments, employers, persons, rules);
--   'sessions' a session was revoked, expired early or deleted, or a user row changed.
-- NOTIFY is transactional: nothing is sent for a rolled-back write, and one transaction sends each
-- payload once however many statements it ran. Statement-level triggers keep bulk posting cheap: one
-- notification per statement, not one per row.
create function lumbung_notify_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('lumbung_changes', tg_argv[0]);
  return null;
end;
$$;

create trigger balances_notify_views after insert or update or delete or truncate on balances
  for each statement execute function lumbung_notify_change('views');
create trigger bill_lines_notify_views after insert or update or delete or truncate on bill_lines
  for each statement execute function lumbung_notify_change('views');
create trigger bpu_contributions_notify_views after insert or update or delete or truncate on bpu_contributions
  for each statement execute function lumbung_notify_change('views');
create trigger employers_notify_views after insert or update or delete or truncate on employers
  for each statement execute function lumbung_notify_change('views');
create trigger employments_notify_views after insert or update or delete or truncate on employments
  for each statement execute function lumbung_notify_change('views');
create trigger jht_return_credits_notify_views after insert or update or delete or truncate on jht_return_credits
  for each statement execute function lumbung_notify_change('views');
create trigger journal_entries_notify_views after insert or update or delete or truncate on journal_entries
  for each statement execute function lumbung_notify_change('views');
create trigger kpj_merges_notify_views after insert or update or delete or truncate on kpj_merges
  for each statement execute function lumbung_notify_change('views');
create trigger ledger_accounts_notify_views after insert or update or delete or truncate on ledger_accounts
  for each statement execute function lumbung_notify_change('views');
create trigger member_accounts_notify_views after insert or update or delete or truncate on member_accounts
  for each statement execute function lumbung_notify_change('views');
create trigger persons_notify_views after insert or update or delete or truncate on persons
  for each statement execute function lumbung_notify_change('views');
create trigger postings_notify_views after insert or update or delete or truncate on postings
  for each statement execute function lumbung_notify_change('views');
create trigger rule_row_overrides_notify_views after insert or update or delete or truncate on rule_row_overrides
  for each statement execute function lumbung_notify_change('views');

-- A new session changes nothing cached, nor does the throttled last_seen_at touch of a live one.
create trigger sessions_notify_revoked after update on sessions
  for each row
  when (old.revoked_at is distinct from new.revoked_at
    or old.expires_at is distinct from new.expires_at
    or old.user_id is distinct from new.user_id
    or old.token_hash is distinct from new.token_hash)
  execute function lumbung_notify_change('sessions');
create trigger sessions_notify_deleted after delete or truncate on sessions
  for each statement execute function lumbung_notify_change('sessions');
create trigger users_notify_changed after update or delete or truncate on users
  for each statement execute function lumbung_notify_change('sessions');
