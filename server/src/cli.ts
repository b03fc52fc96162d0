// Entry point of the `lumbung` command: `npm run lumbung -- <command>`.
import { ConfigError, loadConfig } from './config';
import { commands } from './cli/commands';

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const list = Object.entries(commands).map(([key, value]) => `  ${key.padEnd(14)} ${value.summary}`);
    process.stderr.write(`usage: lumbung <command>\n\ncommands:\n${list.join('\n')}\n`);
    return name ? 2 : 0;
  }
  try {
    return await command.run(loadConfig(), args);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 78;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
