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
type Endpoint struct {
	sim  *Server
	mu   sync.Mutex
	addr string // the bound address, fixed by the first Start
	srv  *http.Server
}

// Listen serves s on addr ("127.0.0.1:0" picks a free port).
func (s *Server) Listen(addr string) (*Endpoint, error) {
	e := &Endpoint{sim: s, addr: addr}
	return e, e.Start()
}

// URL is the endpoint's base URL, the same across restarts.
func (e *Endpoint) URL() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return "http://" + e.addr
}

// Start listens again on the endpoint's address. Starting a running endpoint
// is an error.
func (e *Endpoint) Start() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.srv != nil {
		return errors.New("hostupsim: endpoint already started")
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(context.Background(), "tcp", e.addr)
	if err != nil {
		return err
	}
	e.addr = ln.Addr().String()
	e.srv = &http.Server{Handler: e.sim, ReadHeaderTimeout: 10 * time.Second}
	go func(srv *http.Server) { _ = srv.Serve(ln) }(e.srv) // ends with ErrServerClosed on Stop
	return nil
}

// Stop closes the listener and every connection: from now on requests are
// refused, and one in flight loses its connection. The state is kept.
func (e *Endpoint) Stop() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.srv == nil {
		return nil
	}
	err := e.srv.Close()
	e.srv = nil
	return err
}
