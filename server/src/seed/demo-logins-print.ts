// Prints the demo sign-ins (development only) the way `serve` and `seed` show them on the console.
// Browser tests read this text (web/e2e/demo-member.ts), so the line format is kept stable.
import type { DemoLogin } from './demo-seed';

export interface TextOutput {
  write(text: string): unknown;
}

export function formatDemoLogins(logins: readonly DemoLogin[]): string {
  if (logins.length === 0) return '';
  const lines = logins.map(
    (login) => `  ${login.who.padEnd(34)} ${login.signIn.padEnd(28)} ${login.password}`,
  );
  return `\nDemo sign-ins (development only):\n${lines.join('\n')}\n\n`;
}

export function printDemoLogins(logins: readonly DemoLogin[], out: TextOutput = process.stdout): void {
  const text = formatDemoLogins(logins);
  if (text) out.write(text);
}
