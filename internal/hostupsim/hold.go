package hostupsim

import "sync"

// Hold stops the requests of a Fault with Hold set before their handler
// runs, until Release. Arrived tells the test that a request is being held,
// so it can act while the commit is in flight without sleeping.
type Hold struct {
	arrived     chan struct{}
	release     chan struct{}
	arriveOnce  sync.Once
	releaseOnce sync.Once
}

// NewHold returns a hold that is not released.
func NewHold() *Hold {
	return &Hold{arrived: make(chan struct{}), release: make(chan struct{})}
}

// Arrived is closed when the first matching request is held.
func (h *Hold) Arrived() <-chan struct{} { return h.arrived }

// Release lets every held request (and any later one) go on to its handler.
// Calling it again does nothing; register it with t.Cleanup so that a failed
// test does not leave a request, and so the server's shutdown, waiting.
func (h *Hold) Release() { h.releaseOnce.Do(func() { close(h.release) }) }

// wait blocks until Release. A client that gives up meanwhile does not cut
// it short: the request still runs once released, as a commit queued in
// HostUp's backend would.
func (h *Hold) wait() {
	h.arriveOnce.Do(func() { close(h.arrived) })
	<-h.release
}
