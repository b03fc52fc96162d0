// The yearly JHT development return over every JHT account of a dataset, through runJhtReturn (batches
// of accounts, each one transaction: read opening balance and the year's movements, compute, post).
//   npm run bench:jht-return -- --members 100k --months 2 [--batch 1000]
// Every account must be credited (the run refuses a dataset where it is not, see below).
import { declareJhtReturn, runJhtReturn } from '../server/src/jht-return/jht-return-service';
import { openBenchDatabase } from './lib/bench-database';
import { RETURN_YEAR } from './lib/dataset';
import { benchContext, log, numberOption, record, runBench, timed } from './lib/harness';

const members = numberOption('--members', 10_000);
const months = numberOption('--months', 60);
const batchSize = numberOption('--batch', 1_000);

await runBench(async () => {
  const opened = await openBenchDatabase('postgresql', 'bench_jht', { members, months });
  try {
    const ctx = benchContext(opened.database);
    const declared = await declareJhtReturn(ctx, {
      year: RETURN_YEAR,
      rateBasisPoints: 563,
      declaredBy: 'bench',
      isIllustrative: true,
    });
    if (!declared.ok) throw new Error(declared.code);
    let lastLogged = 0;
    const run = await timed(() =>
      runJhtReturn(ctx, RETURN_YEAR, {
        batchSize,
        onProgress: (p) => {
          if (p.accountsDone - lastLogged >= 100_000) {
            lastLogged = p.accountsDone;
            log(`  ${p.accountsDone} / ${p.accountsTotal} accounts`);
          }
        },
      }),
    );
    if (!run.value.ok) throw new Error(run.value.code);
    const progress = run.value.value;
    if (progress.accountsDone !== members) throw new Error(`credited ${progress.accountsDone} of ${members}`);
    const posted = await ctx.db
      .selectFrom('journal_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '=', 'jht_return')
      .executeTakeFirstOrThrow();
    // A run that posts nothing measures only the reads: with one month of history (a December deposit,
    // which earns no return under monthly weighting) every account's return is zero.
    if (Number(posted.n) !== members) {
      throw new Error(
        `posted ${posted.n} returns for ${members} accounts: use a dataset of --months 2 or more`,
      );
    }
    await record({
      bench: 'jht-return',
      backend: 'postgresql',
      members,
      metric: 'accounts/s',
      value: progress.accountsDone / run.seconds,
      details: {
        months,
        batchSize,
        seconds: Number(run.seconds.toFixed(2)),
        entriesPosted: Number(posted.n),
        amountCreditedRupiah: progress.amountCreditedRupiah,
      },
    });
  } finally {
    await opened.close();
  }
});
