-- Each user's key pair travels with their account: the X25519 secret wrapped by Argon2id of their
-- password (see core/crypto/UserKey.h), so every workstation of the clinic can seal its data key to
-- them. An admin's reset asks for a new password at the next sign-in, on whichever workstation.
ALTER TABLE user_account ADD COLUMN key_material TEXT;
ALTER TABLE user_account ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
