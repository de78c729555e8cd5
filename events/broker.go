package events

import (
	"context"
	"log/slog"
	"sync"
)

// DefaultBuffer is the number of changes a subscriber may fall behind
// before it is dropped.
const DefaultBuffer = 256

// Broker fans changes out to subscribers in this process. The zero Broker
// is not usable; create one with NewBroker. A Broker is safe for concurrent
// use.
type Broker struct {
	logger *slog.Logger
	buffer int

	mu     sync.Mutex
	nextID int
	subs   map[int]*subscriber
}

type subscriber struct {
	filter Filter
	ch     chan Change
}

// NewBroker returns a broker whose subscribers may fall buffer changes
// behind (DefaultBuffer when buffer <= 0); it logs dropped subscribers to
// logger (slog.Default() when nil).
func NewBroker(logger *slog.Logger, buffer int) *Broker {
	if logger == nil {
		logger = slog.Default()
	}
	if buffer <= 0 {
		buffer = DefaultBuffer
	}
	return &Broker{logger: logger, buffer: buffer, subs: map[int]*subscriber{}}
}

// Subscribe returns a channel of the changes published from now on that f
// selects, in publishing order. The channel is closed when ctx ends or when
// the subscriber falls too far behind and is dropped.
func (b *Broker) Subscribe(ctx context.Context, f Filter) <-chan Change {
	s := &subscriber{filter: f, ch: make(chan Change, b.buffer)}
	b.mu.Lock()
	id := b.nextID
	b.nextID++
	b.subs[id] = s
	b.mu.Unlock()
	context.AfterFunc(ctx, func() { b.remove(id) })
	return s.ch
}

// Subscribers returns the number of current subscribers.
func (b *Broker) Subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

// Publish delivers changes to every subscriber that selects them, without
// blocking: a subscriber whose buffer is full is dropped.
func (b *Broker) Publish(changes ...Change) {
	if len(changes) == 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for id, s := range b.subs {
		for _, c := range changes {
			if !s.filter.Match(c) {
				continue
			}
			select {
			case s.ch <- c:
			default:
				b.logger.Warn("dropping a slow graphChanged subscriber", "subscriber", id, "buffer", b.buffer, "change", string(c.Kind))
				delete(b.subs, id)
				close(s.ch)
			}
			if _, ok := b.subs[id]; !ok {
				break
			}
		}
	}
}

// remove ends the subscription id, if it is still current.
func (b *Broker) remove(id int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if s, ok := b.subs[id]; ok {
		delete(b.subs, id)
		close(s.ch)
	}
}
