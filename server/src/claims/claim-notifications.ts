// Registers the 'claim_status' notification kind: every status change tells the member (in-app, and by
// SMS / e-mail as their preferences say).
import { claimStatusText, parseClaimStatusParams } from '@lumbung/core';
import { registerNotificationKind } from '../notification/notification-kinds';

export const CLAIM_STATUS_KIND = 'claim_status';

registerNotificationKind(CLAIM_STATUS_KIND, (params, language) => {
  const parsed = parseClaimStatusParams(params);
  return parsed ? claimStatusText(parsed, language) : null;
});
