package graph

// StockGqlgen returns cfg with this package's shortcuts turned off: plain
// results and direct response writing. Every field goes through gqlgen's
// executor and every POST response through transport.POST, which the
// shortcuts must match.
func StockGqlgen(cfg Config) Config {
	cfg.stockGqlgen = true
	return cfg
}
