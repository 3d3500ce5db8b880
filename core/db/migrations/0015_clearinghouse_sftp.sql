-- A clearinghouse reached over SFTP: the folder 837s are put in, the folder its 999s and 277CAs wait in,
-- and the fingerprint of the server's host key (SHA256:..., as ssh-keygen -l prints it).
ALTER TABLE clearinghouse ADD COLUMN upload_dir TEXT;
ALTER TABLE clearinghouse ADD COLUMN download_dir TEXT;
ALTER TABLE clearinghouse ADD COLUMN host_key TEXT;
