// What every member route shares: its access declaration and the signed-in member's person.
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../http/access';

export const MEMBER = { access: ['member'] } as const;

/** The signed-in member's person; the access hook has already refused anyone else. */
export function memberPersonId(request: FastifyRequest): number {
  const personId = principalOf(request).personId;
  if (personId === null) throw new Error('member principal without a person');
  return personId;
}
