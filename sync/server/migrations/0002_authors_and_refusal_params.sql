-- Each accepted change keeps who made it, as the server saw them (account id and user name), and
-- pulls hand that on; a refusal keeps its rule's particulars (JSON object of strings) next to its words.
ALTER TABLE srv_change ADD COLUMN author_id TEXT NOT NULL DEFAULT '';
ALTER TABLE srv_change ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE srv_refused ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
