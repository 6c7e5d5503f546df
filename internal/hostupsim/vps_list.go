package hostupsim

import "strings"

// v2VPSListEntry is one server of GET /api/v2/vps: the read without its
// options. It also carries the primary IP the list filters on, which HostUp
// names only as a filter; the lean mode leaves it out.
type v2VPSListEntry struct {
	v2VPSSummary
	PrimaryIP string `json:"primaryIp"`
}

// v2ListVPS serves GET /api/v2/vps?limit=&cursor=&name=&primaryIp=, paged
// like the shared-hosting list (by v1 id). name keeps the servers whose
// hostname contains it, ignoring case (HostUp does not document how name
// matches; a part of the hostname is what a user types); primaryIp keeps
// the servers with exactly that primary address. The filters apply before
// paging, so every page but the last is full.
func (s *Server) v2ListVPS(c *call) (any, error) {
	req, err := parsePageRequest(c)
	if err != nil {
		return nil, err
	}
	q := c.r.URL.Query()
	name, ip := strings.ToLower(q.Get("name")), q.Get("primaryIp")
	var matching []*VM
	for _, vm := range s.sortedVMs() {
		if strings.Contains(strings.ToLower(vm.Hostname), name) && (!q.Has("primaryIp") || vm.PrimaryIP == ip) {
			matching = append(matching, vm)
		}
	}
	id := func(vm *VM) int64 { return vm.ID }
	return paginate(matching, id, req, func(vm *VM) v2VPSListEntry {
		return v2VPSListEntry{v2VPSSummary: s.v2VPSSummary(vm), PrimaryIP: vm.PrimaryIP}
	}), nil
}
