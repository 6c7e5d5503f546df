package client_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// Each endpoint against the simulator, whose bodies are written from the
// endpoint pages independently of this package's types: a wrong field name
// or JSON type here shows up as a zero value or a decoding error.

func newSimClient(t testing.TB) (*client.Client, *hostupsim.Server, hostupsim.DemoSeed) {
	t.Helper()
	sim := hostupsim.New()
	seed := sim.SeedDemo()
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	c, err := client.New(seed.APIKey, client.WithEndpoint(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return c, sim, seed
}

func TestSimulatorV1BillingCycles(t *testing.T) {
	c, _, seed := newSimClient(t)
	ctx := context.Background()

	hosting, err := c.GetHostingBillingCycle(ctx, seed.AccountV1ID)
	if err != nil {
		t.Fatal(err)
	}
	if hosting.Current != "a" || hosting.CurrentName != "Annually" || hosting.ProductID != "1912" || hosting.AccountID != "20000" ||
		hosting.AccountDetails.Domain != "example.com" || hosting.AccountDetails.Name != "Start (cpanel)" ||
		hosting.AccountDetails.Total.String() != "708" || len(hosting.Cycles) != 2 ||
		hosting.Cycles[0].ID != "m" || hosting.Cycles[0].Name != "Monthly" || hosting.Cycles[0].Price.String() != "79" ||
		hosting.Cycles[0].IsCurrent || hosting.Cycles[0].BillingCycle != "Monthly" {
		t.Errorf("hosting billing cycle: %+v", hosting)
	}

	vm, err := c.GetVMBillingCycle(ctx, seed.VMID)
	if err != nil {
		t.Fatal(err)
	}
	if vm.ProductID != "1937" || vm.Current != "m" || vm.AccountDetails.Name != "VPS L" || vm.AccountDetails.Total.String() != "420" {
		t.Errorf("vm billing cycle: %+v", vm)
	}
}

func TestSimulatorV2Reads(t *testing.T) {
	c, _, seed := newSimClient(t)
	ctx := context.Background()

	acct, err := c.GetSharedHostingAccount(ctx, seed.AccountV2ID)
	if err != nil {
		t.Fatal(err)
	}
	if acct.ID != seed.AccountV2ID || acct.PrimaryDomain != "example.com" || acct.ServiceStatus != "active" ||
		acct.Billing.Amount.String() != "708" || acct.Billing.BillingCycle != "annually" || acct.Billing.CurrencyCode != "SEK" {
		t.Errorf("account: %+v", acct)
	}

	cycles, err := c.GetSharedHostingBillingCycles(ctx, seed.AccountV2ID)
	if err != nil {
		t.Fatal(err)
	}
	if cycles.CurrentBillingCycle != "annually" || len(cycles.Cycles) != 2 || !cycles.Cycles[1].IsCurrent ||
		cycles.Cycles[1].Amount.String() != "708" || !cycles.Actions.CanChangeBillingCycle.Allowed {
		t.Errorf("billing cycles: %+v", cycles)
	}

	opts, err := c.GetSharedHostingUpgradeOptions(ctx, seed.AccountV2ID)
	if err != nil {
		t.Fatal(err)
	}
	if opts.CurrentPackage.ProductSlug != "webbhotell-start" || opts.CurrentPackage.Name != "Start" || !opts.Actions.CanUpgrade.Allowed ||
		len(opts.AvailableOptions) != 3 || opts.Domain != "example.com" {
		t.Fatalf("options: %+v", opts)
	}
	mini, business := opts.AvailableOptions[0], opts.AvailableOptions[1]
	if mini.ProductSlug != "webbhotell-mini" || mini.Type != client.OptionTypeDowngrade || business.Type != client.OptionTypeUpgrade ||
		business.Billing.Amount.String() != "1188" || !business.Available {
		t.Errorf("options: %+v", opts.AvailableOptions)
	}

	all, err := c.ListSharedHostingAccounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 {
		t.Errorf("listed %d accounts, want 2", len(all))
	}
}

func TestSimulatorV2Upgrade(t *testing.T) {
	c, sim, seed := newSimClient(t)
	ctx := context.Background()
	up := client.SharedHostingUpgrade{ProductSlug: "webbhotell-business"}

	preview, err := c.PreviewSharedHostingUpgrade(ctx, seed.AccountV2ID, up)
	if err != nil {
		t.Fatal(err)
	}
	if !preview.Preview || preview.PriceChange.Amount.String() != "238.03" || preview.PriceChange.RecurringAmount.String() != "1188" ||
		preview.PriceChange.BillingCycle != "annually" || preview.NewProduct.Name != "Business" || preview.CurrentProduct.Slug != "webbhotell-start" {
		t.Errorf("preview: %+v", preview)
	}
	if len(sim.Orders()) != 0 {
		t.Fatal("a preview bought something")
	}

	res, err := c.UpgradeSharedHosting(ctx, seed.AccountV2ID, up)
	if err != nil {
		t.Fatal(err)
	}
	order := sim.Orders()[0]
	if !res.Upgraded || *res.OrderID != order.ID || res.PaymentInvoice.ID != order.InvoiceID ||
		res.PaymentInvoice.Amount.String() != "238.03" || res.PaymentInvoice.Status != "unpaid" || res.RenewalInvoice != nil {
		t.Errorf("result: %+v", res)
	}

	// The new invoice now blocks a further change, until the user opts in.
	_, err = c.PreviewSharedHostingUpgrade(ctx, seed.AccountV2ID, client.SharedHostingUpgrade{ProductSlug: "webbhotell-premium"})
	if !client.HasCode(err, "existing_invoice_blocking") {
		t.Errorf("want existing_invoice_blocking, got %v", err)
	}
	_, err = c.UpgradeSharedHosting(ctx, seed.AccountV2ID, up)
	if !client.HasCode(err, "same_product_plan") {
		t.Errorf("want same_product_plan, got %v", err)
	}
}

func TestSimulatorV1Upgrade(t *testing.T) {
	c, sim, seed := newSimClient(t)
	res, err := c.UpgradeHostingAccountV1(context.Background(), seed.AccountV1ID, "1913")
	if err != nil {
		t.Fatal(err)
	}
	order := sim.Orders()[0]
	if res.OrderID.Int64() != order.V1ID || res.OrderNum.Int64() != order.Number || res.Total.String() != "238.03" ||
		res.UpgradedTo != (client.UpgradedTo{ProductID: "1913", Name: "Business"}) || res.RedirectURL != "/billing" || res.InvoiceID == "" {
		t.Errorf("v1 upgrade: %+v (order %+v)", res, order)
	}
	_, err = c.UpgradeHostingAccountV1(context.Background(), seed.AccountV1ID, "1911")
	if !client.HasCode(err, "DOWNGRADE_NOT_ALLOWED") {
		t.Errorf("want DOWNGRADE_NOT_ALLOWED, got %v", err)
	}
}

func TestSimulatorErrorsBothGenerations(t *testing.T) {
	_, sim, seed := newSimClient(t)
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	wrong, err := client.New("wrong-key", client.WithEndpoint(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, err = wrong.GetHostingBillingCycle(ctx, seed.AccountV1ID)
	if !client.HasCode(err, "UNAUTHORIZED") {
		t.Errorf("v1: %v", err)
	}
	_, err = wrong.GetSharedHostingAccount(ctx, seed.AccountV2ID)
	if !client.HasCode(err, "unauthorized") {
		t.Errorf("v2: %v", err)
	}

	sim.AddAPIKey("reader", hostupsim.ScopeReadHosting)
	reader, _ := client.New("reader", client.WithEndpoint(srv.URL))
	_, err = reader.PreviewSharedHostingUpgrade(ctx, seed.AccountV2ID, client.SharedHostingUpgrade{ProductSlug: "webbhotell-business"})
	if !client.HasCode(err, "forbidden") {
		t.Errorf("missing write:billing: %v", err)
	}
	_, err = reader.PreviewSharedHostingUpgrade(ctx, seed.AccountV2ID, client.SharedHostingUpgrade{ProductSlug: "1913"})
	if !client.HasCode(err, "forbidden") {
		t.Errorf("scope is checked before the body: %v", err)
	}
	var apiErr *client.APIError
	c, _ := client.New(seed.APIKey, client.WithEndpoint(srv.URL))
	_, err = c.PreviewSharedHostingUpgrade(ctx, seed.AccountV2ID, client.SharedHostingUpgrade{ProductSlug: "1913"})
	if !client.HasCode(err, "invalid_request") || !asAPIError(err, &apiErr) || len(apiErr.FieldErrors) != 1 || apiErr.FieldErrors[0].Pointer != "/productSlug" {
		t.Errorf("numeric slug: %#v", err)
	}
	if _, err := c.GetHostingBillingCycle(ctx, 29999); !client.IsNotFound(err) {
		t.Errorf("v1 404: %v", err)
	}
}

func asAPIError(err error, target **client.APIError) bool {
	return errors.As(err, target)
}

// A commit HostUp carried out whose answer is spoiled leaves the outcome
// unknown; a path no endpoint serves is not "gone".
func TestSimulatorSpoiledCommitAndUnknownRoute(t *testing.T) {
	c, sim, seed := newSimClient(t)
	ctx := context.Background()
	sim.InjectFault(hostupsim.Fault{Route: hostupsim.RouteV2HostingUpgrade, OnlyCommits: true, TruncatedBody: true})
	_, err := c.UpgradeSharedHosting(ctx, seed.AccountV2ID, client.SharedHostingUpgrade{ProductSlug: "webbhotell-business"})
	if !client.OutcomeUnknown(err) {
		t.Fatalf("want outcome unknown, got %v", err)
	}
	if n := sim.Count(hostupsim.RouteV2HostingUpgrade); n != 1 || len(sim.Orders()) != 1 {
		t.Errorf("%d commits sent, %d orders", n, len(sim.Orders()))
	}

	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	wrongPrefix, err := client.New(seed.APIKey, client.WithEndpoint(srv.URL+"/v3"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wrongPrefix.GetSharedHostingAccount(ctx, seed.AccountV2ID); err == nil || client.IsNotFound(err) {
		t.Errorf("a wrong path prefix read as not found: %v", err)
	}
}
