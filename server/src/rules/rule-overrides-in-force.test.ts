// An operator's rule rows change what is calculated: a 2026 JP wage cap added on the admin API bills the
// next wage report on it; an online-only limit sends the claims pre-check to a branch; Beranda and
// Simulasi follow the rows; a second process sees a new row after its own refresh (ADR 0005).
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRuleValue } from '@lumbung/core';
import { createClaimMember, type ClaimMember } from '../claims/claim-fixtures';
import { openDatabase, type Database } from '../db/database';
import { getBill, lineAmounts } from '../employer/bill-service';
import type { ServiceContext } from '../services/service-context';
import { bearerFor } from '../test/sign-in';
import { createTestApp } from '../test/test-context';
import { openRuleBookStore, startRuleBookRefresh } from './rule-book-store';

let test: Awaited<ReturnType<typeof createTestApp>>;
let admin: { authorization: string };
let worker: ClaimMember;

beforeAll(async () => {
  test = await createTestApp();
  admin = {
    authorization: `Bearer ${await bearerFor(test.ctx, { role: 'admin', displayName: 'Admin Aturan' })}`,
  };
}, 120_000);
afterAll(async () => test?.close());

const inject = (options: InjectOptions) => test.app.inject(options);
const memberAuth = async (member: ClaimMember) => ({
  authorization: `Bearer ${await bearerFor(test.ctx, { role: 'member', personId: member.personId })}`,
});
const addRow = (tableId: string, payload: Record<string, unknown>) =>
  inject({
    method: 'POST',
    url: `/api/v1/admin/rule-tables/${tableId}/rows`,
    headers: admin,
    payload: {
      validTo: null,
      regulation: 'Keputusan Direksi BPJS Ketenagakerjaan',
      article: 'lampiran',
      ...payload,
    },
  });

describe('an operator’s rule rows are the rules calculations use', () => {
  it('bills a 2026-04 wage of Rp 12,000,000 on the 2026 JP wage cap the admin added (Rp 11,000,000)', async () => {
    // FACTS.md §1.2: the 2026 cap is not sourced; the operator adds it from March 2026.
    const added = await addRow('jp_wage_cap', {
      value: { wageCapRupiah: 11_000_000 },
      validFrom: '2026-03-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().rows.at(-1)).toMatchObject({
      validFrom: '2026-03-01',
      validTo: null,
      source: 'override',
    });

    worker = await createClaimMember(test.ctx, { wageRupiah: 12_000_000, periods: ['2026-02', '2026-04'] });
    const april = await getBill(test.ctx, worker.employerId, '2026-04');
    // PP 45/2015 art. 28–29: JP 1% worker + 2% employer on the wage up to the cap; JHT has no cap.
    expect(april.ok && april.value.programmes.JP).toEqual({
      workerRupiah: 110_000,
      employerRupiah: 220_000,
      totalRupiah: 330_000,
    });
    expect(april.ok && april.value.programmes.JHT).toMatchObject({
      workerRupiah: 240_000,
      employerRupiah: 444_000,
    });
    // February is still billed on the 2025 cap (Rp 10,547,400), which now ends on 28 February 2026.
    const february = await getBill(test.ctx, worker.employerId, '2026-02');
    expect(february.ok && february.value.programmes.JP).toEqual({
      workerRupiah: 105_474,
      employerRupiah: 210_948,
      totalRupiah: 316_422,
    });
  });

  it('says calculations use the rows, and refuses a bad row with its detail in Indonesian and English', async () => {
    const listed = await inject({ url: '/api/v1/admin/rule-tables', headers: admin });
    expect(listed.json().calculationsUseOverrides).toBe(true);
    const cap = listed.json().tables.find((table: { id: string }) => table.id === 'jp_wage_cap');
    expect(cap.issues).toEqual([]);
    expect(cap.rows.at(-2)).toMatchObject({ validFrom: '2025-03-01', validTo: '2026-02-28', source: 'core' });

    const early = await addRow('jp_wage_cap', {
      value: { wageCapRupiah: 10_900_000 },
      validFrom: '2024-06-01',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({
      code: 'rule_row_invalid',
      errors: [
        {
          field: 'validFrom',
          code: 'rule_row_starts_too_early',
          message: {
            id: 'Baris baru harus mulai berlaku sesudah 01-03-2025, tanggal mulai baris terakhir tabel ini.',
            en: "A new row must start after 01-03-2025, the first day of the table's last row.",
          },
        },
      ],
    });
    const bad = await addRow('jp_wage_cap', {
      value: { capRupiah: 1 },
      validFrom: '2027-03-01',
      regulation: 'x',
    });
    expect(
      bad.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]),
    ).toEqual([
      ['regulation', 'rule_row_regulation_required'],
      ['value', 'rule_row_value_shape'],
    ]);
  });

  it('sends the claims pre-check to branch verification once the online-only limit is lowered', async () => {
    const leaver = await createClaimMember(test.ctx, {
      exit: { exitedOn: '2026-10-01', reason: 'contract_end' },
    });
    const headers = await memberAuth(leaver);
    const option = async () =>
      (await inject({ url: '/api/v1/me/claims/options', headers }))
        .json()
        .options.find(
          (each: { programme: string; reason: string }) =>
            each.programme === 'JHT' && each.reason === 'contract_end',
        );
    expect(await option()).toMatchObject({
      isEligible: true,
      grossRupiah: 570_000,
      onlineLimitRupiah: 15_000_000,
      isBranchVerificationRequired: false,
    });
    const added = await addRow('jht_online_claim_limit', {
      value: { maxBalanceRupiah: 500_000 },
      validFrom: '2026-11-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(await option()).toMatchObject({
      isEligible: true,
      grossRupiah: 570_000,
      onlineLimitRupiah: 500_000,
      isBranchVerificationRequired: true,
    });
  });

  it('shows Beranda’s protection and Simulasi by the rows in force, in both languages', async () => {
    const headers = await memberAuth(worker);
    const benefit = async (programme: string, key: string) =>
      (await inject({ url: '/api/v1/me/overview', headers }))
        .json()
        .programmes[programme].benefits.find((each: { key: string }) => each.key === key);
    expect(await benefit('jkm', 'jkm.total')).toMatchObject({
      amountRupiah: 42_000_000,
      description: {
        id: 'Santunan sekaligus Rp 20.000.000 + berkala Rp 12.000.000 + biaya pemakaman Rp 10.000.000 (PP 44/2015 jo. PP 82/2019 Pasal 34).',
        en: 'Lump sum Rp 20.000.000 + periodic Rp 12.000.000 + funeral Rp 10.000.000 (PP 44/2015 jo. PP 82/2019 art. 34).',
      },
    });
    expect((await benefit('jkp', 'jkp.cash')).description).toEqual({
      id: '6 bulan × Rp 3.000.000 (60%), dari upah paling tinggi Rp 5.000.000 (PP 37/2021 jo. PP 6/2025 Pasal 21 dan Pasal 39A).',
      en: '6 months × Rp 3.000.000 (60%), of the wage capped at Rp 5.000.000 (PP 37/2021 jo. PP 6/2025 art. 21 and 39A).',
    });

    const jkm = (await inject({ url: '/api/v1/admin/rule-tables', headers: admin }))
      .json()
      .tables.find((table: { id: string }) => table.id === 'jkm_benefit');
    const value = { ...jkm.rows.at(-1).value, lumpSumRupiah: 25_000_000 };
    const added = await addRow('jkm_benefit', {
      value,
      validFrom: '2026-06-01',
      regulation: 'PP 99/2026',
      article: 'Pasal 34',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(await benefit('jkm', 'jkm.total')).toMatchObject({
      amountRupiah: 47_000_000,
      description: {
        id: 'Santunan sekaligus Rp 25.000.000 + berkala Rp 12.000.000 + biaya pemakaman Rp 10.000.000 (PP 99/2026 Pasal 34).',
      },
    });

    const simulation = await inject({
      method: 'POST',
      url: '/api/v1/me/simulation',
      headers,
      payload: { wageGrowthBasisPoints: 500, returnBasisPoints: 550 },
    });
    expect(simulation.statusCode, simulation.body).toBe(200);
    // The JP projection caps future wages at today's cap: the operator's 2026 row.
    expect(simulation.json().assumptions).toMatchObject({
      currentWageRupiah: 12_000_000,
      jpWageCapRupiah: 11_000_000,
    });
  });

  it('a second process sees a row another process added once its rule book refreshes', async () => {
    let second: Database | undefined;
    if (test.database.url) second = await openDatabase({ kind: 'postgresql', url: test.database.url });
    const db = second?.db ?? test.database.db;
    const other: ServiceContext = { ...test.ctx, db, rules: await openRuleBookStore(db) };
    const capIn = (ctx: ServiceContext, date: string) => findRuleValue(ctx.rules.current.jp_wage_cap, date);
    try {
      expect(capIn(other, '2027-04-01')).toEqual({ wageCapRupiah: 11_000_000 });
      const added = await addRow('jp_wage_cap', {
        value: { wageCapRupiah: 11_600_000 },
        validFrom: '2027-03-01',
      });
      expect(added.statusCode, added.body).toBe(201);
      // The process that stored the row uses it at once; the other one still has the book it loaded.
      expect(capIn(test.ctx, '2027-04-01')).toEqual({ wageCapRupiah: 11_600_000 });
      expect(capIn(other, '2027-04-01')).toEqual({ wageCapRupiah: 11_000_000 });

      const stop = startRuleBookRefresh(other.rules, 1, test.ctx.log);
      try {
        for (let waited = 0; waited < 5_000 && capIn(other, '2027-04-01')?.wageCapRupiah !== 11_600_000;) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          waited += 100;
        }
      } finally {
        stop();
      }
      expect(capIn(other, '2027-04-01')).toEqual({ wageCapRupiah: 11_600_000 });
      const line = lineAmounts(12_000_000, '2027-04', 'low', other.rules.current);
      expect(line.ok && [line.value.jpWorker, line.value.jpEmployer]).toEqual([116_000, 232_000]);

      // A row from the same first day corrects the operator's earlier one (the earlier stays on record).
      const corrected = await addRow('jp_wage_cap', {
        value: { wageCapRupiah: 11_650_000 },
        validFrom: '2027-03-01',
      });
      expect(corrected.statusCode, corrected.body).toBe(201);
      expect(corrected.json().rows.slice(-2)).toMatchObject([
        { validFrom: '2026-03-01', validTo: '2027-02-28', value: { wageCapRupiah: 11_000_000 } },
        { validFrom: '2027-03-01', validTo: null, value: { wageCapRupiah: 11_650_000 } },
      ]);
      expect(await other.rules.refresh()).toBe(true);
      expect(capIn(other, '2027-04-01')).toEqual({ wageCapRupiah: 11_650_000 });
      expect(await other.rules.refresh()).toBe(false);
    } finally {
      await second?.close();
    }
  });
});
