// Phone numbers written so that a line never breaks inside one ("+62" alone at the end of a line):
// the spaces and hyphens inside a number become their non-breaking forms.

const NO_BREAK_SPACE = '\u00a0';
const NO_BREAK_HYPHEN = '\u2011';

/** "+62 812****7890" or "0812-3456-7890", masked digits (* or •) included. */
const phoneNumber = /(?:\+\d{2}|\b08[\d*•]*)(?:[ -]?[\d*•]+)+/g;

export function keepPhoneNumbersTogether(text: string): string {
  return text.replace(phoneNumber, (number) =>
    number.replaceAll(' ', NO_BREAK_SPACE).replaceAll('-', NO_BREAK_HYPHEN),
  );
}
