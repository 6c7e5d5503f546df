package hostupsim

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"
)

// Endpoint serves a Server on a loopback TCP address that can stop answering
// and come back on the same address with the same state: the API restarting
// between a plan and its apply.
//
// The port stays bound from Listen to Close, across restarts: were it
// released while stopped, another program (or a parallel test) could take
// it, and the restart would fail. While stopped, every connection is closed
// as soon as it is accepted, so requests fail as they would against an API
// that is down.
type Endpoint struct {
	sim *Server
	ln  net.Listener

	mu      sync.Mutex
	serving *connQueue   // nil while stopped
	srv     *http.Server // nil while stopped
	closed  bool
}

// Listen serves s on addr ("127.0.0.1:0" picks a free port) until Close.
func (s *Server) Listen(addr string) (*Endpoint, error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(context.Background(), "tcp", addr)
	if err != nil {
		return nil, err
	}
	e := &Endpoint{sim: s, ln: ln}
	go e.acceptLoop()
	return e, e.Start()
}

// URL is the endpoint's base URL, the same across restarts.
func (e *Endpoint) URL() string { return "http://" + e.ln.Addr().String() }

// Start answers requests again. Starting a running endpoint is an error.
func (e *Endpoint) Start() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch {
	case e.closed:
		return errors.New("hostupsim: endpoint closed")
	case e.srv != nil:
		return errors.New("hostupsim: endpoint already started")
	}
	e.serving = newConnQueue(e.ln.Addr())
	e.srv = &http.Server{Handler: e.sim, ReadHeaderTimeout: 10 * time.Second}
	go func(srv *http.Server, q *connQueue) { _ = srv.Serve(q) }(e.srv, e.serving) // ends on Stop
	return nil
}

// Stop closes every connection, and refuses service until Start: a request
// in flight loses its connection, and new ones are cut off at once. The
// state is kept.
func (e *Endpoint) Stop() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.srv == nil {
		return nil
	}
	err := e.srv.Close()
	e.srv, e.serving = nil, nil
	return err
}

// Close stops the endpoint for good and releases its port.
func (e *Endpoint) Close() error {
	err := e.Stop()
	e.mu.Lock()
	e.closed = true
	e.mu.Unlock()
	return errors.Join(err, e.ln.Close())
}

// acceptLoop hands each connection to the running server, or closes it while
// the endpoint is stopped.
func (e *Endpoint) acceptLoop() {
	for {
		conn, err := e.ln.Accept()
		if err != nil {
			return // the listener was closed
		}
		e.mu.Lock()
		q := e.serving
		e.mu.Unlock()
		if q == nil || !q.push(conn) {
			_ = conn.Close()
		}
	}
}

// connQueue is a net.Listener fed by acceptLoop, one per start, so that
// closing it (as http.Server.Close does) leaves the real listener open.
type connQueue struct {
	addr  net.Addr
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

func newConnQueue(addr net.Addr) *connQueue {
	return &connQueue{addr: addr, conns: make(chan net.Conn), done: make(chan struct{})}
}

// push hands conn to the server; false once the queue is closed.
func (q *connQueue) push(conn net.Conn) bool {
	select {
	case q.conns <- conn:
		return true
	case <-q.done:
		return false
	}
}

func (q *connQueue) Accept() (net.Conn, error) {
	select {
	case c := <-q.conns:
		return c, nil
	case <-q.done:
		return nil, net.ErrClosed
	}
}

func (q *connQueue) Close() error {
	q.once.Do(func() { close(q.done) })
	return nil
}

func (q *connQueue) Addr() net.Addr { return q.addr }
