package newsgraph

// Validate methods check a query's values and limits. Stores call them
// before doing any work, so every store rejects the same input with the same
// code and message.

// Valid reports whether d is OUT, IN, BOTH or the zero Direction.
func (d Direction) Valid() bool { return d == "" || d == Out || d == In || d == Both }

// OrBoth returns d, or Both for the zero Direction.
func (d Direction) OrBoth() Direction {
	if d == "" {
		return Both
	}
	return d
}

func checkPageSize(op string, first int) error {
	switch {
	case first < 0:
		return opErr(op, Errorf(Invalid, "first must not be negative, got %d", first))
	case first > MaxPageSize:
		return opErr(op, Errorf(LimitExceeded, "first must be at most %d, got %d", MaxPageSize, first))
	}
	return nil
}

func checkKinds(op string, kinds []Kind) error {
	for _, k := range kinds {
		if !k.Valid() {
			return opErr(op, Errorf(Invalid, "unknown entity kind %q", k))
		}
	}
	return nil
}

func checkCursor(op, after string) error {
	_, err := DecodeCursor(after)
	return opErr(op, err)
}

func opErr(op string, err error) error {
	if e, ok := err.(*Error); ok && e.Op == "" {
		e.Op = op
	}
	return err
}

// Validate checks the page size, the kinds and the cursor.
func (q EntityQuery) Validate() error {
	const op = "entities"
	if err := checkPageSize(op, q.First); err != nil {
		return err
	}
	if err := checkKinds(op, q.Kinds); err != nil {
		return err
	}
	return checkCursor(op, q.After)
}

// Validate checks the limit and the kinds.
func (q SearchQuery) Validate() error {
	const op = "search"
	switch {
	case q.Limit < 1:
		return opErr(op, Errorf(Invalid, "first must be at least 1, got %d", q.Limit))
	case q.Limit > MaxPageSize:
		return opErr(op, Errorf(LimitExceeded, "first must be at most %d, got %d", MaxPageSize, q.Limit))
	case len(q.Text) > MaxSearchBytes:
		return opErr(op, Errorf(LimitExceeded, "query must be at most %d bytes, got %d", MaxSearchBytes, len(q.Text)))
	}
	if n := distinctWords(SearchTokens(q.Text)); n > MaxSearchWords {
		return opErr(op, Errorf(LimitExceeded, "query must have at most %d distinct words, got %d", MaxSearchWords, n))
	}
	return checkKinds(op, q.Kinds)
}

// Validate checks the relation types of the filter.
func (f RelationFilter) Validate() error {
	return opErr("relations", CheckRelationTypes(f.Types))
}

// Validate checks the filter, the page size and the cursor.
func (q RelationQuery) Validate() error {
	const op = "relations"
	if err := q.Filter.Validate(); err != nil {
		return err
	}
	if err := checkPageSize(op, q.First); err != nil {
		return err
	}
	return checkCursor(op, q.After)
}

// Validate checks the page size and the cursor.
func (q DocumentQuery) Validate() error {
	const op = "documents"
	if err := checkPageSize(op, q.First); err != nil {
		return err
	}
	return checkCursor(op, q.After)
}

// Validate checks depth, limit, direction, types and kinds.
func (q NeighborhoodQuery) Validate() error {
	const op = "neighborhood"
	switch {
	case q.ID == "":
		return opErr(op, Errorf(Invalid, "id must not be empty"))
	case q.Depth < 1:
		return opErr(op, Errorf(Invalid, "depth must be at least 1, got %d", q.Depth))
	case q.Depth > MaxNeighborhoodDeep:
		return opErr(op, Errorf(LimitExceeded, "depth must be at most %d, got %d", MaxNeighborhoodDeep, q.Depth))
	case q.Limit < 1:
		return opErr(op, Errorf(Invalid, "limit must be at least 1, got %d", q.Limit))
	case q.Limit > MaxPageSize:
		return opErr(op, Errorf(LimitExceeded, "limit must be at most %d, got %d", MaxPageSize, q.Limit))
	case !q.Direction.Valid():
		return opErr(op, Errorf(Invalid, "unknown direction %q: want OUT, IN or BOTH", q.Direction))
	}
	if err := CheckRelationTypes(q.Types); err != nil {
		return opErr(op, err)
	}
	return checkKinds(op, q.Kinds)
}

// Validate checks the ends, depth, direction, types and, when forPaths is
// set, the number of paths.
func (q PathQuery) Validate(forPaths bool) error {
	op := "shortestPath"
	if forPaths {
		op = "paths"
	}
	switch {
	case q.From == "" || q.To == "":
		return opErr(op, Errorf(Invalid, "from and to must not be empty"))
	case q.MaxDepth < 1:
		return opErr(op, Errorf(Invalid, "maxDepth must be at least 1, got %d", q.MaxDepth))
	case q.MaxDepth > MaxPathDepth:
		return opErr(op, Errorf(LimitExceeded, "maxDepth must be at most %d, got %d", MaxPathDepth, q.MaxDepth))
	case !q.Direction.Valid():
		return opErr(op, Errorf(Invalid, "unknown direction %q: want OUT, IN or BOTH", q.Direction))
	case forPaths && q.Limit < 1:
		return opErr(op, Errorf(Invalid, "first must be at least 1, got %d", q.Limit))
	case forPaths && q.Limit > MaxPathCount:
		return opErr(op, Errorf(LimitExceeded, "first must be at most %d, got %d", MaxPathCount, q.Limit))
	}
	return opErr(op, CheckRelationTypes(q.Types))
}

// Validate checks that the merge names a survivor and at least one other
// well-formed entity id of the same kind.
func (m Merge) Validate() error {
	const op = "mergeEntities"
	switch {
	case !ValidEntityID(m.Into):
		return opErr(op, Errorf(Invalid, "into %q is not a valid entity id", m.Into))
	case len(m.From) == 0:
		return opErr(op, Errorf(Invalid, "from must name at least one entity to merge"))
	case len(m.From) > MaxPageSize:
		return opErr(op, Errorf(LimitExceeded, "from must name at most %d entities, got %d", MaxPageSize, len(m.From)))
	}
	for _, id := range m.From {
		switch {
		case !ValidEntityID(id):
			return opErr(op, Errorf(Invalid, "from %q is not a valid entity id", id))
		case id == m.Into:
			return opErr(op, Errorf(Invalid, "cannot merge %s into itself", id))
		case KindOfID(id) != KindOfID(m.Into):
			// The kind is part of an id and survives merges, so the ids
			// alone tell that the kinds differ.
			return opErr(op, Errorf(Invalid, "cannot merge %s into %s: they are of different kinds", id, m.Into))
		}
	}
	return nil
}
