// params: (none)
// Range index for the merge records of a survivor (Store.Merges).
CREATE INDEX merge_into IF NOT EXISTS
FOR (m:Merge) ON (m.into)
