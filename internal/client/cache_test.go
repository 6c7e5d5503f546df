package client_test

import (
	"context"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// newCachingSimClient is newSimClient with the read cache on, as the
// provider configures it.
func newCachingSimClient(t *testing.T) (*client.Client, *hostupsim.Server, hostupsim.DemoSeed) {
	t.Helper()
	sim := hostupsim.New()
	seed := sim.SeedDemo()
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	c, err := client.New(seed.APIKey, client.WithEndpoint(srv.URL), client.WithReadCache())
	if err != nil {
		t.Fatal(err)
	}
	return c, sim, seed
}

func TestReadCacheSendsEachGetOnce(t *testing.T) {
	c, sim, seed := newCachingSimClient(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.GetSharedHostingUpgradeOptions(ctx, seed.AccountV2ID); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if _, err := c.GetSharedHostingUpgradeOptions(ctx, seed.AccountV2ID); err != nil {
		t.Fatal(err)
	}
	if n := sim.Count(hostupsim.RouteV2HostingUpgradeOptions); n != 1 {
		t.Errorf("9 reads of one account's options sent %d requests, want 1", n)
	}
}

func TestReadCacheNeverAnswersAPreview(t *testing.T) {
	c, sim, seed := newCachingSimClient(t)
	ctx := context.Background()
	req := client.SharedHostingUpgrade{ProductSlug: "webbhotell-business"}
	first, err := c.PreviewSharedHostingUpgrade(ctx, seed.AccountV2ID, req)
	if err != nil {
		t.Fatal(err)
	}
	sim.SetProductPrice("webbhotell-business", "annually", hostupsim.MustMoney("9999.00"))
	second, err := c.PreviewSharedHostingUpgrade(ctx, seed.AccountV2ID, req)
	if err != nil {
		t.Fatal(err)
	}
	if n := sim.Count(hostupsim.RouteV2HostingUpgrade); n != 2 {
		t.Errorf("2 previews sent %d requests, want 2", n)
	}
	if first.PriceChange.RecurringAmount.Equal(second.PriceChange.RecurringAmount.Decimal) {
		t.Errorf("the second preview repeats the first (%s) after a price change", first.PriceChange.RecurringAmount)
	}
}

func TestReadCacheIsDroppedByACommitButNotByAPreview(t *testing.T) {
	c, sim, seed := newCachingSimClient(t)
	ctx := context.Background()
	read := func() string {
		t.Helper()
		opts, err := c.GetSharedHostingUpgradeOptions(ctx, seed.ShopAccountV2ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.ListSharedHostingAccounts(ctx); err != nil {
			t.Fatal(err)
		}
		return opts.CurrentPackage.ProductSlug
	}
	before := read()
	req := client.SharedHostingUpgrade{ProductSlug: "webbhotell-business"}
	if _, err := c.PreviewSharedHostingUpgrade(ctx, seed.ShopAccountV2ID, req); err != nil {
		t.Fatal(err)
	}
	read()
	if n := sim.Count(hostupsim.RouteV2HostingUpgradeOptions) + sim.Count(hostupsim.RouteV2HostingList); n != 2 {
		t.Errorf("reads after a preview sent %d requests in all, want 2 (the preview keeps the cache)", n)
	}
	// A commit to the other account, through v1: the cache cannot tell which
	// v2 account that is, so every answer goes.
	if _, err := c.UpgradeHostingAccountV1(ctx, seed.AccountV1ID, "1913"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpgradeSharedHosting(ctx, seed.ShopAccountV2ID, req); err != nil {
		t.Fatal(err)
	}
	after := read()
	if n := sim.Count(hostupsim.RouteV2HostingUpgradeOptions) + sim.Count(hostupsim.RouteV2HostingList); n != 4 {
		t.Errorf("reads after a commit sent %d requests in all, want 4 (read again)", n)
	}
	if before == after || after != "webbhotell-business" {
		t.Errorf("plan before %s, after the commit %s: want the new plan read fresh", before, after)
	}
}

func TestFreshReadsBypassTheCache(t *testing.T) {
	c, sim, seed := newCachingSimClient(t)
	ctx := context.Background()
	if _, err := c.GetSharedHostingUpgradeOptions(ctx, seed.AccountV2ID); err != nil {
		t.Fatal(err)
	}
	// Changed behind the provider's back: only a fresh read sees it.
	sim.SetHostingProduct(seed.AccountV2ID, "webbhotell-business")
	cached, err := c.GetSharedHostingUpgradeOptions(ctx, seed.AccountV2ID)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := c.GetSharedHostingUpgradeOptions(client.WithFreshReads(ctx), seed.AccountV2ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := sim.Count(hostupsim.RouteV2HostingUpgradeOptions); n != 2 {
		t.Errorf("sent %d requests, want 2 (the first read and the fresh one)", n)
	}
	if cached.CurrentPackage.ProductSlug == "webbhotell-business" || fresh.CurrentPackage.ProductSlug != "webbhotell-business" {
		t.Errorf("cached %s, fresh %s", cached.CurrentPackage.ProductSlug, fresh.CurrentPackage.ProductSlug)
	}
}

func TestWithoutReadCacheEveryGetIsSent(t *testing.T) {
	c, sim, seed := newSimClient(t)
	for range 3 {
		if _, err := c.GetSharedHostingAccount(context.Background(), seed.AccountV2ID); err != nil {
			t.Fatal(err)
		}
	}
	if n := sim.Count(hostupsim.RouteV2HostingAccount); n != 3 {
		t.Errorf("sent %d requests, want 3", n)
	}
}

// A burst of concurrent reads against a rate-limited simulator completes
// without an error: the shared gate holds requests back once the window's
// budget is spent, and a 429 that slips through (the windows of client and
// server meet only to the millisecond) is waited out and retried.
func TestRateGateBurstCompletes(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for rate-limit windows")
	}
	c, sim, seed := newSimClient(t)
	sim.SetRateLimit(10)
	const n = 35
	var wg sync.WaitGroup
	sem := make(chan struct{}, 10)
	for range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if _, err := c.GetSharedHostingAccount(context.Background(), seed.AccountV2ID); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	limited := 0
	for _, r := range sim.Requests() {
		if r.Status == 429 {
			limited++
		}
	}
	t.Logf("%d reads took %d requests, %d of them answered 429", n, len(sim.Requests()), limited)
}
