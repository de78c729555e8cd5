package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// closeConnectionKey carries, in a websocket connection's context, the
// function that closes the whole connection.
type closeConnectionKey struct{}

// closableConnections wraps a websocket InitFunc so that the connection's
// context can end the connection: gqlgen closes a websocket when the
// context its InitFunc returned is cancelled. A subscription that cannot
// go on (its subscriber was dropped for falling behind) then closes the
// connection instead of leaving an idle one open.
func closableConnections(init transport.WebsocketInitFunc) transport.WebsocketInitFunc {
	return func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		ctx, ack, err := init(ctx, payload)
		if err != nil {
			return ctx, ack, err
		}
		// The connection ends with its upgrade request, whose context
		// is this one's parent; cancel is called at the latest then.
		ctx, cancel := context.WithCancel(ctx)
		return context.WithValue(ctx, closeConnectionKey{}, cancel), ack, nil
	}
}

// closeConnection closes the websocket connection ctx belongs to, if any.
func closeConnection(ctx context.Context) {
	if cancel, ok := ctx.Value(closeConnectionKey{}).(context.CancelFunc); ok {
		cancel()
	}
}
