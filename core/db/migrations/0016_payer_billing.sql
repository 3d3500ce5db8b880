-- What a claim to the payer says it is (the 837's claim filing indicator, SBR09: CI commercial, MB Medicare
-- Part B, MC Medicaid, ...), and the payer's own timely filing window in days (NULL: the clearinghouse
-- settings' window).
ALTER TABLE payer ADD COLUMN filing_indicator TEXT NOT NULL DEFAULT 'CI';
ALTER TABLE payer ADD COLUMN timely_filing_days INTEGER;
