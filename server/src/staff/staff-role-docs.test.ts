// docs/roles.md shows the staff and admin route table rendered from the same data the routes and the
// route-matrix test use. Regenerate with UPDATE_ROLE_DOCS=1 npx vitest run server/src/staff/staff-role-docs.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  renderStaffRoleTable,
  ROLE_TABLE_BEGIN,
  ROLE_TABLE_END,
} from '@lumbung/core/staff/staff-access-table';
import { describe, expect, it } from 'vitest';

const rolesDoc = fileURLToPath(new URL('../../../docs/roles.md', import.meta.url));

/** Table cells without the padding and dash runs a formatter adds. */
function normalise(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/\s*\|\s*/g, '|')
        .replace(/:-+:/g, ':-:')
        .replace(/-{2,}/g, '-'),
    )
    .filter((line) => line !== '');
}

function section(text: string): string {
  const start = text.indexOf(ROLE_TABLE_BEGIN);
  const end = text.indexOf(ROLE_TABLE_END);
  return start < 0 || end < start ? '' : text.slice(start, end + ROLE_TABLE_END.length);
}

describe('docs/roles.md', () => {
  it('shows the staff route table exactly as the role table defines it', () => {
    const text = readFileSync(rolesDoc, 'utf8');
    if (process.env.UPDATE_ROLE_DOCS === '1' && section(text) !== '') {
      writeFileSync(rolesDoc, text.replace(section(text), renderStaffRoleTable()));
    }
    expect(normalise(section(readFileSync(rolesDoc, 'utf8')))).toEqual(normalise(renderStaffRoleTable()));
  });
});
