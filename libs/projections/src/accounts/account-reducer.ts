import type { StoredEvent } from '../../../event-store/src/envelope';
import { ACCOUNT_CREATED, AccountCreatedData } from '../../../domain/src/events/account-created';
import { ACCOUNT_DISABLED } from '../../../domain/src/events/account-disabled';
import { ACCOUNT_ENABLED } from '../../../domain/src/events/account-enabled';
import { ACCOUNT_PASSWORD_CHANGED, AccountPasswordChangedData } from '../../../domain/src/events/account-password-changed';
import type { AccountDoc } from './account-doc';

/**
 * Folds one (upcast) event of an account's stream into its document. Anything before the
 * account's creation, and a second creation, changes nothing: the stream's first event made it.
 */
export function accountReducer(doc: AccountDoc | undefined, event: StoredEvent): AccountDoc | undefined {
  if (event.type === ACCOUNT_CREATED) {
    if (doc !== undefined) return doc;
    const data = event.data as AccountCreatedData;
    return {
      username: data.username,
      role: data.role,
      orgId: data.orgId,
      displayName: data.displayName,
      passwordHash: data.passwordHash,
      mustChangePassword: data.mustChangePassword === true,
      disabled: false,
      createdAt: event.metadata.recordedAt,
      createdBy: event.metadata.actor,
      version: event.streamVersion,
    };
  }
  if (doc === undefined) return doc;
  switch (event.type) {
    case ACCOUNT_PASSWORD_CHANGED: {
      const data = event.data as AccountPasswordChangedData;
      return { ...doc, passwordHash: data.passwordHash, mustChangePassword: data.reset, version: event.streamVersion };
    }
    case ACCOUNT_DISABLED:
      return { ...doc, disabled: true, version: event.streamVersion };
    case ACCOUNT_ENABLED:
      return { ...doc, disabled: false, version: event.streamVersion };
    default:
      return doc;
  }
}
