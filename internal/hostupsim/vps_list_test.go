package hostupsim

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// listVPS follows the list's cursor and returns the hostnames it served,
// checking each entry's shape on the way.
func (e *env) listVPS(t *testing.T, query string) []string {
	t.Helper()
	var names []string
	path := "/api/v2/vps?" + query
	for pages := 0; path != ""; pages++ {
		if pages > 100 {
			t.Fatal("the list does not end")
		}
		r := e.v2("GET", path, "")
		r.wantStatus(t, http.StatusOK, "")
		for _, v := range r.body["data"].([]any) {
			entry := v.(map[string]any)
			if _, ok := entry["options"]; ok || entry["primaryIp"] == nil || entry["specs"] == nil {
				t.Errorf("entry %v: want the read's fields and primaryIp, without options", entry)
			}
			names = append(names, entry["hostname"].(string))
		}
		path = ""
		if r.body["hasMore"] == true {
			path = "/api/v2/vps?" + query + "&cursor=" + url.QueryEscape(r.body["nextCursor"].(string))
		} else if r.body["nextCursor"] != nil {
			t.Errorf("nextCursor without hasMore: %s", r.raw)
		}
	}
	return names
}

func TestV2VPSList(t *testing.T) {
	e := newEnv(t)
	added := e.sim.AddVMs(5, VM{ProductID: "vps-s"})
	if len(added) != 5 || added[0].ID != 10002 || added[0].Hostname != "vm-10002.example.net" ||
		added[0].PrimaryIP != "198.18.39.18" || added[4].PrimaryIP != "198.18.39.22" {
		t.Fatalf("AddVMs = %+v", added)
	}

	if got := strings.Join(e.listVPS(t, "limit=2"), ","); got != "vps1.example.com,vps2.example.com,vm-10002.example.net,"+
		"vm-10003.example.net,vm-10004.example.net,vm-10005.example.net,vm-10006.example.net" {
		t.Errorf("pages of 2 = %s", got)
	}
	r := e.v2("GET", "/api/v2/vps", "")
	if n := len(r.body["data"].([]any)); n != 7 || r.body["hasMore"] != false {
		t.Errorf("default page: %d entries, hasMore %v", n, r.body["hasMore"])
	}
	first := r.body["data"].([]any)[0].(map[string]any)
	if first["id"] != e.seed.VMV2ID || first["primaryIp"] != "203.0.113.10" || get(first, "plan.productSlug") != "vps-l" ||
		get(first, "specs.cpu") != float64(4) || get(first, "billing.amount") != float64(560) {
		t.Errorf("first entry = %v", first)
	}

	// name: any part of the hostname, ignoring case; primaryIp: exact.
	if got := strings.Join(e.listVPS(t, "name=VPS"), ","); got != "vps1.example.com,vps2.example.com" {
		t.Errorf("name=VPS: %s", got)
	}
	if got := strings.Join(e.listVPS(t, "limit=1&name=EXAMPLE.net"), ","); got != "vm-10002.example.net,vm-10003.example.net,"+
		"vm-10004.example.net,vm-10005.example.net,vm-10006.example.net" {
		t.Errorf("name=EXAMPLE.net: %s", got)
	}
	if got := strings.Join(e.listVPS(t, "primaryIp=203.0.113.11"), ","); got != "vps2.example.com" {
		t.Errorf("primaryIp: %s", got)
	}
	if got := e.listVPS(t, "primaryIp=203.0.113"); len(got) != 0 {
		t.Errorf("a part of an address matched: %v", got)
	}
	if got := e.listVPS(t, "name=vps&primaryIp=198.18.39.18"); len(got) != 0 {
		t.Errorf("filters are not combined: %v", got)
	}

	for _, q := range []string{"limit=0", "limit=101", "cursor=nope"} {
		r := e.v2("GET", "/api/v2/vps?"+q, "")
		r.wantStatus(t, http.StatusBadRequest, "invalid_request")
	}
	reader := "reader-key"
	e.sim.AddAPIKey(reader, ScopeReadHosting)
	e.send("GET", "/api/v2/vps", "", "Authorization: Bearer "+reader).wantStatus(t, http.StatusForbidden, "forbidden")
}

func TestAddVMDefaults(t *testing.T) {
	sim := New()
	sim.AddVM(VM{ID: 12345, ProductID: "vps-m", PrimaryIP: "2001:db8::7"})
	sim.AddVM(VM{ID: 12346, ProductID: "vps-m"})
	a, _ := sim.VM("12345")
	b, _ := sim.VM("12346")
	if a.PrimaryIP != "2001:db8::7" || b.PrimaryIP != defaultPrimaryIP(12346) || b.PrimaryIP != "198.18.48.58" {
		t.Errorf("primary IPs %q, %q", a.PrimaryIP, b.PrimaryIP)
	}
	if b.Hostname != "vm-12346.example.net" {
		t.Errorf("default hostname %q", b.Hostname)
	}
	defer func() {
		if recover() == nil {
			t.Error("a primary IP that is no address was accepted")
		}
	}()
	sim.AddVM(VM{ProductID: "vps-m", PrimaryIP: "not-an-ip"})
}
