-- Cost in three values: free, paid, or not known (Cost.ofFeeText reads fee texts the same way). "free"
-- was a yes/no, and a missing fee had been read as free: a service without fee text is now not known;
-- one marked free stays free; other texts are paid when they name an amount or a charge.
ALTER TABLE dir_service ADD COLUMN cost VARCHAR(10);
UPDATE dir_service SET cost = CASE
    WHEN fees_description IS NULL OR TRIM(fees_description) = '' THEN 'unknown'
    WHEN free THEN 'free'
    WHEN LOWER(TRIM(TRAILING '.' FROM TRIM(fees_description))) IN ('free', 'none', 'no fee', 'no fees', 'no charge',
        'no charges', 'no cost', 'free of charge', 'nothing', '0') THEN 'free'
    WHEN LENGTH(TRANSLATE(fees_description, '0123456789$£€', '')) < LENGTH(fees_description)
        OR LOWER(fees_description) LIKE '%fee%' OR LOWER(fees_description) LIKE '%charge%'
        OR LOWER(fees_description) LIKE '%cost%' OR LOWER(fees_description) LIKE '%pay%'
        OR LOWER(fees_description) LIKE '%price%' OR LOWER(fees_description) LIKE '%sliding scale%'
        OR LOWER(fees_description) LIKE '%insurance%' OR LOWER(fees_description) LIKE '%medicaid%'
        OR LOWER(fees_description) LIKE '%medicare%' THEN 'paid'
    ELSE 'unknown' END;
ALTER TABLE dir_service ALTER COLUMN cost SET NOT NULL;
ALTER TABLE dir_service DROP COLUMN free;
