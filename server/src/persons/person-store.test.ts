import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-context';
import { findPersonIdByNik, getPerson, insertPerson } from './person-store';

describe('person store', () => {
  let test: TestContext;
  beforeAll(async () => {
    test = await createTestContext();
  });
  afterAll(async () => {
    await test.close();
  });

  it('stores PII only as ciphertext and finds people by blind index', async () => {
    const { db, pii } = test.ctx;
    const personId = await insertPerson(db, pii, {
      nik: '3171014508900003',
      fullName: '  Siti   Aminah ',
      birthDate: '1990-08-05',
      sex: 'F',
      phone: '+6281234567890',
      email: 'siti@example.id',
      address: 'Jl. Melati 1, Jakarta',
      motherMaidenName: 'Rahmawati',
    });
    expect(await findPersonIdByNik(db, pii, '3171014508900003')).toBe(personId);
    expect(await findPersonIdByNik(db, pii, '3171014508900004')).toBeUndefined();
    const person = await getPerson(db, pii, personId);
    expect(person).toMatchObject({
      fullName: 'Siti Aminah',
      phone: '+6281234567890',
      motherMaidenName: 'Rahmawati',
    });

    const dump = await sql<{ dump: string }>`select row_to_json(p)::text as dump from persons p`.execute(db);
    const text = dump.rows.map((r) => r.dump).join('\n');
    for (const secret of ['3171014508900003', '6281234567890', 'siti@example.id', 'Melati', 'Rahmawati']) {
      expect(text).not.toContain(secret);
    }
  });
});
