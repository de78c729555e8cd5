// Package embedded is the zero-setup newsgraph store: a single bbolt file
// holds the graph durably, and in-memory indexes serve every read.
//
// Open loads the whole graph into memory; what only some reads need (the
// relation lists in id order, the search index, the traversal view) is
// prepared in the background after Open (warm.go), or by the first read
// that needs it. Reads never touch the file. Merge records and the
// redirects of ids merged away are stored in the file too and survive a
// restart.
//
// # Writes
//
// Every write (Upsert, DeleteRelation, DeleteEntity, MergeEntities) goes
// through Store.write in three steps, each in its own file:
//
//   - plan: the write's own file (upsert.go, write.go, merge.go) reads the
//     index and returns a change (change.go), or an error that ends the
//     write with nothing done;
//   - commit (commit.go): the change is written to the file in one durable
//     bbolt transaction; a failure leaves file and memory as they were;
//   - apply (apply.go): only after the commit, the change is applied to the
//     index, which takes ownership of its items.
//
// Values cross the store's boundary as copies, made in copies.go.
//
// # Concurrency
//
// A Store is safe for concurrent use. Every lock, and what it guards:
//
//   - Store.writeMu serialises writers: one write's plan, commit and apply
//     run with no other writer in between, so a plan may read the index
//     without Store.mu (only writers change it) while readers share it.
//     Close takes it too, so that it never closes the file under a commit.
//   - Store.mu guards Store.idx and everything the index holds: readers
//     hold it shared for the whole of a read (Store.read), the apply step
//     exclusively, and Close exclusively to drop the index.
//   - index.sortMu serialises the sorting of a slotList that writes
//     appended to (index.sorted, slots.go): readers share the lists under
//     Store.mu's read lock, and the first to find one unsorted sorts it in
//     place under sortMu while the others wait. slotList.clean, an atomic,
//     lets a reader skip the lock when the list is sorted; sorting never
//     changes a list's length, so reading a length needs no lock. Building
//     the traversal view holds sortMu too, since it reads the sorted order.
//   - lazy.mu (lazy.go), one per lazily built part of the index, the search
//     index (index.search) and the traversal view (index.graph): the first
//     reader to find the part missing builds it under its mutex while other
//     readers of that part wait; lazy.current, an atomic pointer, lets
//     readers take a built part without the mutex. Writes replace or update
//     a part only under Store.mu's exclusive lock.
//   - adjacency.scratch, a sync.Pool, hands each concurrent walk its own
//     visited marks and queues.
//   - Store.closeOnce makes Close idempotent.
//
// Some work fans out to a second goroutine within one lock holder, and
// joins before the holder lets go: loading the graph (index.loadRelations),
// building the search index and the traversal view, and applying a large
// change (entities and relations touch disjoint fields of the index).
package embedded
