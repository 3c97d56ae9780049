-- Each mention records whether the text around it shows its label ("the island of Skerra", "voters in Ravensfield"
-- make Skerra and Ravensfield places) or only the model's guess stands, so that the warehouse-wide vote on a
-- name's label can weigh the evidence.
-- Days extracted before this have NULLs (no evidence) until their next run, which the new code version triggers.
ALTER TABLE nlp.mention_spans ADD COLUMN label_from_text BOOLEAN;
