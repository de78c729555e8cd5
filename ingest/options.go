package ingest

// Option configures a Service.
type Option func(*Service)

// StrictVocabulary makes a Service reject, as Invalid, a relation whose
// type is not in the relation vocabulary (after mapping synonyms: see
// newsgraph.CanonicalRelationType) or whose ends have kinds its type does
// not allow; by default both are accepted with a warning.
func StrictVocabulary() Option { return func(s *Service) { s.strictVocabulary = true } }

// WithoutDuplicateWarnings turns off the search for possible duplicates
// of new entities (WarnPossibleDuplicate), which costs a few searches per
// entity created by name.
func WithoutDuplicateWarnings() Option { return func(s *Service) { s.noDuplicateWarnings = true } }
