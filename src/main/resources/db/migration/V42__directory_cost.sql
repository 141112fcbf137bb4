-- Cost in three values: free, paid, or not known (Cost.ofFeeText reads fee texts the same way). "free"
-- was a yes/no, and a missing fee had been read as free: a service without fee text is now not known;
-- one marked free stays free; other texts are paid when they name an amount or a charge.
ALTER TABLE dir_service ADD COLUMN cost VARCHAR(10);
UPDATE dir_service SET cost = CASE
    WHEN fees_description IS NULL OR TRIM(fees_description) = '' THEN 'unknown'
    WHEN free THEN 'free'
    WHEN LOWER(TRIM(TRAILING '.' FROM TRIM(fees_description))) IN ('free', 'none', 'no fee', 'no fees', 'no charge',
        'no charges', 'no cost', 'free of charge', 'nothing', '0') THEN 'free'
    WHEN fees_description LIKE '%0%' OR fees_description LIKE '%1%' OR fees_description LIKE '%2%'
        OR fees_description LIKE '%3%' OR fees_description LIKE '%4%' OR fees_description LIKE '%5%'
        OR fees_description LIKE '%6%' OR fees_description LIKE '%7%' OR fees_description LIKE '%8%'
        OR fees_description LIKE '%9%' OR fees_description LIKE '%$%' OR fees_description LIKE '%£%'
        OR fees_description LIKE '%€%' OR LOWER(fees_description) LIKE '%fee%' OR LOWER(fees_description) LIKE '%charge%'
        OR LOWER(fees_description) LIKE '%cost%' OR LOWER(fees_description) LIKE '%pay%'
        OR LOWER(fees_description) LIKE '%price%' OR LOWER(fees_description) LIKE '%sliding scale%'
        OR LOWER(fees_description) LIKE '%insurance%' OR LOWER(fees_description) LIKE '%medicaid%'
        OR LOWER(fees_description) LIKE '%medicare%' THEN 'paid'
    ELSE 'unknown' END;
ALTER TABLE dir_service ALTER COLUMN cost SET NOT NULL;
ALTER TABLE dir_service DROP COLUMN free;
