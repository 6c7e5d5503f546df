package client

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

func newListSim(t *testing.T, extraVMs int) (*Client, *hostupsim.Server) {
	t.Helper()
	sim := hostupsim.New()
	seed := sim.SeedDemo()
	sim.AddVMs(extraVMs, hostupsim.VM{ProductID: "vps-s"})
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	c, err := New(seed.APIKey, WithEndpoint(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return c, sim
}

func TestListVPSesFollowsTheCursor(t *testing.T) {
	c, sim := newListSim(t, 250)
	ctx := context.Background()
	all, err := c.ListVPSes(ctx, VPSFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 252 || all[0].Hostname != "vps1.example.com" || all[0].PrimaryIP != "203.0.113.10" || all[0].Specs.CPU != 4 ||
		all[0].Options.Reported || all[251].Hostname != "vm-10251.example.net" || all[251].Plan.ProductSlug != "vps-s" {
		t.Fatalf("listed %d: first %+v, last %+v", len(all), all[0], all[len(all)-1])
	}
	for i, v := range all[2:] {
		if want := fmt.Sprintf("vm-%d.example.net", 10002+i); v.Hostname != want {
			t.Fatalf("entry %d is %s, want %s: each server once, in id order", i+2, v.Hostname, want)
		}
	}
	if n := sim.Count(hostupsim.RouteV2VPSList); n != 3 {
		t.Errorf("%d requests for 252 servers at 100 a page", n)
	}

	byName, err := c.ListVPSes(ctx, VPSFilter{Name: "VPS"})
	if err != nil || len(byName) != 2 || byName[1].Hostname != "vps2.example.com" {
		t.Errorf("name filter: %d, %v", len(byName), err)
	}
	byIP, err := c.ListVPSes(ctx, VPSFilter{PrimaryIP: "198.18.39.22"})
	if err != nil || len(byIP) != 1 || byIP[0].Hostname != "vm-10006.example.net" {
		t.Errorf("primaryIp filter: %+v, %v", byIP, err)
	}
	none, err := c.ListVPSes(ctx, VPSFilter{Name: "nothing-has-this"})
	if err != nil || len(none) != 0 {
		t.Errorf("no match: %+v, %v", none, err)
	}
}

// A loop that stops early sends no request for the pages it did not read.
func TestListIteratorsStopEarly(t *testing.T) {
	c, sim := newListSim(t, 250)
	ctx := context.Background()
	n := 0
	for v, err := range c.VPSes(ctx, VPSFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 150 {
			if v.Hostname != "vm-10149.example.net" {
				t.Errorf("150th server: %s", v.Hostname)
			}
			break
		}
	}
	if got := sim.Count(hostupsim.RouteV2VPSList); got != 2 {
		t.Errorf("%d list requests after reading 150 of 252 servers, want 2", got)
	}

	for a, err := range c.SharedHostingAccounts(ctx) {
		if err != nil || a.PrimaryDomain != "example.com" {
			t.Fatalf("first account: %+v, %v", a, err)
		}
		break
	}
	if got := sim.Count(hostupsim.RouteV2HostingList); got != 1 {
		t.Errorf("%d account list requests, want 1", got)
	}
}

// A failing page ends the sequence with the error, after the entries
// already read; the collector returns the error and nothing. Filters go
// with every page.
func TestListIteratorYieldsTheErrorAfterTheEntriesRead(t *testing.T) {
	srv := newStub(t,
		stubResponse{status: 200, body: `{"data":[{"id":"vps_1"},{"id":"vps_2"}],"hasMore":true,"nextCursor":"c1"}`},
		stubResponse{status: 400, body: `{"status":400,"code":"invalid_request","detail":"bad cursor"}`},
	)
	c, _ := newTestClient(t, srv.URL)
	var ids []string
	var errs []error
	for v, err := range c.VPSes(context.Background(), VPSFilter{Name: "web", PrimaryIP: "203.0.113.10"}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, v.ID)
	}
	var apiErr *APIError
	if !slices.Equal(ids, []string{"vps_1", "vps_2"}) || len(errs) != 1 || !errors.As(errs[0], &apiErr) || apiErr.StatusCode != 400 {
		t.Fatalf("ids %v, errors %v", ids, errs)
	}
	q := srv.seen[1].URL.Query()
	if q.Get("cursor") != "c1" || q.Get("name") != "web" || q.Get("primaryIp") != "203.0.113.10" || q.Get("limit") != "100" {
		t.Errorf("second page query: %s", srv.seen[1].URL.RawQuery)
	}
	srv.requests.Store(0) // the stub answers from its first page again
	if all, err := c.ListVPSes(context.Background(), VPSFilter{}); all != nil || err == nil {
		t.Errorf("collector: %v, %v", all, err)
	}
}
