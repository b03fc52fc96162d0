// One value per member contact: an employer-enrolled phone gives way to the one proved at registration,
// and the member's own coded change reaches the person record, so call-centre checks, notifications
// (SMS) and the portal all see the new phone and none sees the old one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberContacts } from '../notification/member-contacts';
import { getPerson } from '../persons/person-store';
import { recordVerification } from '../staff/verification-service';
import type { StaffActor } from '../staff/staff-actor';
import { createTestContext, type TestContext } from '../test/test-context';
import { completeContactChange, startContactChange } from './contact-change-service';
import { readMemberContact } from './member-contact-store';
import { completeRegistration, startRegistration } from './registration-service';
import { createSession } from './session-service';
import { lastCodeSentTo, registryMember } from './test-support';
import { createStaffUser } from './user-store';

describe('member contact, one source', () => {
  let test: TestContext;
  let agent: StaffActor;

  beforeAll(async () => {
    test = await createTestContext();
    const user = await createStaffUser(test.ctx, {
      role: 'agent',
      email: 'agen.kontak@lumbung.test',
      displayName: 'Agen Kontak',
      password: 'pw-long-enough-1',
      totpSecret: 'JBSWY3DPEHPK3PXP',
    });
    const session = await createSession(test.ctx, test.ctx.db, user, { deviceLabel: 'a', ip: null });
    agent = { userId: user.user_id, role: 'agent', displayName: 'Agen Kontak', sessionId: session.sessionId };
  });
  afterAll(async () => {
    await test.close();
  });

  const callCentre = (personId: number, phone: string) =>
    recordVerification(
      test.ctx,
      agent,
      personId,
      'call_centre',
      { birthDate: '1990-04-12', motherMaidenName: 'Sri Wahyuni', phone },
      'caller asks balance',
    );

  it('takes the registered contacts over the enrolled ones and follows a coded change everywhere', async () => {
    const member = await registryMember(test.ctx);
    // The employer enrolled an old phone; the member registers with their own.
    await test.ctx.db
      .updateTable('persons')
      .set({
        phone_cipher: test.ctx.pii.encrypt('+6281100000001'),
        phone_index: test.ctx.pii.blindIndex('phone', '+6281100000001'),
        mother_maiden_name_cipher: test.ctx.pii.encrypt('Sri Wahyuni'),
      })
      .where('person_id', '=', member.personId)
      .execute();
    const started = await startRegistration(
      test.ctx,
      { ...member, password: 'kebun-kopi-di-lembang', channel: 'sms' },
      { ip: '10.3.0.1' },
    );
    if (!started.ok) throw new Error(started.code);
    const registered = await completeRegistration(
      test.ctx,
      { registrationId: started.value.registrationId, code: (await lastCodeSentTo(test.ctx, member.phone))! },
      { ip: '10.3.0.1', deviceLabel: 'test' },
    );
    if (!registered.ok) throw new Error(registered.code);
    expect(await readMemberContact(test.ctx, test.ctx.db, member.personId)).toEqual({
      phone: member.phone,
      email: member.email,
    });

    const newPhone = '+6285700002222';
    const change = await startContactChange(test.ctx, registered.value.user.id, {
      kind: 'phone',
      newValue: '0857-0000-2222',
    });
    if (!change.ok) throw new Error(change.code);
    const done = await completeContactChange(
      test.ctx,
      registered.value.user.id,
      {
        changeId: change.value.changeId,
        oldCode: (await lastCodeSentTo(test.ctx, member.phone))!,
        newCode: (await lastCodeSentTo(test.ctx, newPhone))!,
      },
      { ip: '10.3.0.2' },
    );
    expect(done.ok).toBe(true);

    expect((await getPerson(test.ctx.db, test.ctx.pii, member.personId)).phone).toBe(newPhone);
    expect((await memberContacts(test.ctx, member.personId)).phone).toBe(newPhone);
    expect(await callCentre(member.personId, member.phone)).toMatchObject({
      ok: true,
      value: { outcome: 'failed', items: { registered_phone: 'failed' } },
    });
    expect(await callCentre(member.personId, '0857 0000 2222')).toMatchObject({
      ok: true,
      value: { outcome: 'passed', items: { registered_phone: 'passed' } },
    });
  });
});
