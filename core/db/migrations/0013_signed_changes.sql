-- Who made each change waiting to be pushed, and their signature of it (core/sync/ChangeSignature.h),
-- so that the server authorizes it as its author whoever's connection pushes it. NULL for changes made
-- before changes were signed, or by a user whose key cannot sign: the server authorizes those as the
-- pushing account.
ALTER TABLE change_outbox ADD COLUMN signed_by TEXT;
ALTER TABLE change_outbox ADD COLUMN signature TEXT;
