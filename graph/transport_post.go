package graph

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Media types of a POST response.
const (
	mediaJSON                = "application/json"
	mediaGraphQLResponseJSON = "application/graphql-response+json"
)

// postTransport is gqlgen's POST transport (transport.POST: the same
// requests, content negotiation, status codes and bodies) except for how it
// writes a successful response. gqlgen writes every response with
// json.Marshal, which re-validates and compacts the data it has just
// written itself: for a subgraph of hundreds of nodes that is a third of
// the request. postTransport writes a response that has data and nothing
// else (no errors, no extensions) as {"data":...} directly, and every other
// response with json.Marshal as gqlgen does. TestPostTransportMatchesGqlgen
// checks the two transports answer alike.
type postTransport struct {
	transport.POST
}

var _ graphql.Transport = postTransport{}

// Do serves one POST request.
func (t postTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	contentType := responseContentType(r)
	w.Header().Set("Content-Type", contentType)
	start := graphql.Now()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("could not read request body: %+v", err)}))
		return
	}
	params := &graphql.RawParams{}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(params); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("json request body could not be decoded: %+v body:%s", err, body)}))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	oc, opErr := exec.CreateOperationContext(ctx, params)
	if opErr != nil {
		w.WriteHeader(errorStatus(contentType, opErr))
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, oc), opErr))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, oc)
	writeResponse(w, responses(ctx))
}

// responseContentType negotiates the response's media type from the Accept
// header as transport.POST does by default: application/json unless the
// client asks for application/graphql-response+json first, or names
// neither.
func responseContentType(r *http.Request) string {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return mediaJSON
	}
	for part := range strings.SplitSeq(accept, ",") {
		mediaType, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mediaType {
		case "*/*", "application/*", mediaJSON:
			return mediaJSON
		case mediaGraphQLResponseJSON:
			return mediaGraphQLResponseJSON
		}
	}
	return mediaGraphQLResponseJSON
}

// errorStatus is the status of a request that failed before execution
// (parse or validation errors), by the GraphQL-over-HTTP rules of the
// response's media type.
func errorStatus(contentType string, errs gqlerror.List) int {
	if errcode.GetErrorKind(errs) != errcode.KindProtocol {
		return http.StatusOK
	}
	if contentType == mediaGraphQLResponseJSON {
		return http.StatusBadRequest
	}
	return http.StatusUnprocessableEntity
}

// writeResponse writes a response: one holding only data as
// {"data":...} without re-encoding the data, which gqlgen's marshalers
// wrote as compact JSON; any other with json.Marshal.
func writeResponse(w io.Writer, resp *graphql.Response) {
	if len(resp.Errors) == 0 && len(resp.Extensions) == 0 && resp.Label == "" && resp.Path == nil && resp.HasNext == nil {
		data := resp.Data
		if len(data) == 0 {
			data = json.RawMessage("null")
		}
		// Three writes, not a copy: the ResponseWriter buffers.
		_, _ = io.WriteString(w, `{"data":`)
		_, _ = w.Write(data)
		_, _ = io.WriteString(w, "}")
		return
	}
	b, err := json.Marshal(resp)
	if err != nil {
		// As transport.POST: the recover middleware answers 500.
		panic(err)
	}
	_, _ = w.Write(b)
}
