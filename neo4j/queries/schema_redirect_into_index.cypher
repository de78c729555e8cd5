// params: (none)
// Range index for the redirects into a survivor, which a later merge of
// that survivor re-points and a deletion of it removes.
CREATE INDEX redirect_into IF NOT EXISTS
FOR (x:Redirect) ON (x.into)
