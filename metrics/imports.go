package metrics

import "github.com/prometheus/client_golang/prometheus"

// The outcomes of newsgraph_import_documents_total.
const (
	// importCommitted: the document was written.
	importCommitted = "committed"
	// importRejected: the document was refused as invalid; nothing of it
	// was written.
	importRejected = "rejected"
)

// importMetrics count the documents imported.
type importMetrics struct {
	documents *prometheus.CounterVec
	relations prometheus.Counter
}

func newImportMetrics() importMetrics {
	m := importMetrics{
		documents: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "import_documents_total",
			Help: "Documents ingested (ingestDocument), by outcome: committed, or rejected as invalid (BAD_USER_INPUT or LIMIT_EXCEEDED).",
		}, []string{"outcome"}),
		relations: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: namespace, Name: "import_relations_total",
			Help: "Relations the committed documents supported: created or corroborated.",
		}),
	}
	m.documents.WithLabelValues(importCommitted)
	m.documents.WithLabelValues(importRejected)
	return m
}

func (m importMetrics) register(r prometheus.Registerer) {
	r.MustRegister(m.documents, m.relations)
}

// Imported counts documents ingested: committed and rejected documents,
// and the relations the committed ones created or corroborated. It fits
// graph.Config.Ingested, and an importer can call it with the totals of
// each group it writes.
func (m *Metrics) Imported(committed, rejected, relations int) {
	m.imports.documents.WithLabelValues(importCommitted).Add(float64(committed))
	m.imports.documents.WithLabelValues(importRejected).Add(float64(rejected))
	m.imports.relations.Add(float64(relations))
}
