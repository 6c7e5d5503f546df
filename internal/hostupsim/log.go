package hostupsim

import "maps"

// RequestRecord is one entry of the request log.
type RequestRecord struct {
	Method string         `json:"method"`
	Path   string         `json:"path"`
	Route  string         `json:"route"` // the Route… constant, "" when no route matched
	Status int            `json:"status"`
	Body   map[string]any `json:"body"` // decoded JSON object body of a POST, else nil
	Auth   string         `json:"auth"` // "x-api-key" | "bearer" | ""
	// Dropped is set when a DropAfterHandler fault closed the connection:
	// Status is then what the handler answered, which the client never saw.
	Dropped bool `json:"dropped,omitempty"`
}

// record appends c to the log. Callers hold s.mu.
func (s *Server) record(c *call, status int, dropped bool) {
	rec := RequestRecord{Method: c.r.Method, Path: c.r.URL.Path, Status: status, Body: c.body, Auth: c.auth, Dropped: dropped}
	if c.route != nil {
		rec.Route = c.route.pattern
	}
	s.log = append(s.log, rec)
}

// Requests returns the request log, oldest first, faulted requests included.
func (s *Server) Requests() []RequestRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]RequestRecord, len(s.log))
	for i, rec := range s.log {
		rec.Body = maps.Clone(rec.Body)
		out[i] = rec
	}
	return out
}

// Count returns how many logged requests reached route, whatever their status.
func (s *Server) Count(route string) int {
	return s.CountWhere(route, func(RequestRecord) bool { return true })
}

// CountWhere returns how many logged requests reached route and satisfy pred.
func (s *Server) CountWhere(route string, pred func(RequestRecord) bool) int {
	n := 0
	for _, rec := range s.Requests() {
		if rec.Route == route && pred(rec) {
			n++
		}
	}
	return n
}

// counts returns the number of logged requests per route. Callers hold s.mu.
func (s *Server) counts() map[string]int {
	out := map[string]int{}
	for _, rec := range s.log {
		out[rec.Route]++
	}
	return out
}

// ResetLog empties the request log.
func (s *Server) ResetLog() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = nil
}
