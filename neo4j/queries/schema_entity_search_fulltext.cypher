// params: (none)
// Full-text index over the folded search keys (name, aliases, initialisms)
// and the folded description. The text is folded by newsgraph.Fold before it
// is stored, so the whitespace analyzer keeps exactly the words Go sees.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (e:Entity) ON EACH [e.searchKeys, e.searchDescription]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}
