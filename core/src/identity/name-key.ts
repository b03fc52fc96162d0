// How names are compared: without case, spacing or punctuation ("Siti  Nur-Aisyah" = "siti nuraisyah").
export function nameKey(fullName: string): string {
  return fullName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
