-- One value per member contact: a member who has a sign-in account proved its phone and e-mail with a
-- one-time code, so the person record takes them (the SMS service, call-centre checks and the portal
-- read the person). Ciphertext and blind index use the same keys in both tables, so the columns copy
-- as they are. From here on registration, contact changes and staff updates write both together.
update persons p
set phone_cipher = u.phone_cipher, phone_index = u.phone_index, updated_at = now()
from users u
where u.person_id = p.person_id
  and u.role = 'member'
  and u.phone_index is not null
  and p.phone_index is distinct from u.phone_index;

update persons p
set email_cipher = u.email_cipher, email_index = u.email_index, updated_at = now()
from users u
where u.person_id = p.person_id
  and u.role = 'member'
  and u.email_index is not null
  and p.email_index is distinct from u.email_index;
