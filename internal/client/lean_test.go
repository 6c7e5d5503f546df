package client

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// Every method of the client against the simulator's lean mode, which
// answers with only what HostUp documents, in the other JSON type wherever
// two are allowed: nothing may fail for want of an undocumented field or
// for a type the contract allows. Each request the client sent must need the
// scope the client's table gives it.
func TestClientAgainstLeanSimulator(t *testing.T) {
	sim := hostupsim.New()
	seed := sim.SeedDemo()
	sim.SetLean(true)
	sim.AddHostingAccount(hostupsim.HostingAccount{V1ID: 20002, Domain: "third.example.se", ProductID: "1911"})
	sim.AddHostingAccount(hostupsim.HostingAccount{V1ID: 20003, Domain: "fourth.example.se", ProductID: "1912"})
	sim.AddVM(hostupsim.VM{ID: 10002, Hostname: "vps3.example.com", ProductID: "vps-m"})
	spare, _ := sim.HostingAccount("20003")
	spareVM, _ := sim.VM("10002")
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	c, err := New(seed.APIKey, WithEndpoint(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s against the lean simulator: %v", what, err)
		}
	}

	acct, err := c.GetSharedHostingAccount(ctx, seed.AccountV2ID)
	must("account", err)
	wantAmount(t, "account billing.amount", acct.Billing.Amount, "708")
	all, err := c.ListSharedHostingAccounts(ctx)
	must("account list", err)
	if len(all) != 4 {
		t.Errorf("%d accounts", len(all))
	}
	opts, err := c.GetSharedHostingUpgradeOptions(ctx, seed.AccountV2ID)
	must("upgrade options", err)
	if opts.CurrentPackage.ProductSlug != "webbhotell-start" || opts.CurrentPackage.Billing.Amount.IsSet() || !opts.Actions.CanUpgrade.Reported {
		t.Errorf("upgrade options = %+v", opts)
	}
	_, err = c.GetSharedHostingBillingCycles(ctx, seed.AccountV2ID)
	must("billing cycles", err)
	tiers, err := c.ListStorageTiers(ctx, seed.AccountV2ID)
	must("storage tiers", err)
	if tiers.Tiers[0].SizeGB != 10 {
		t.Errorf("sizeGb = %d", tiers.Tiers[0].SizeGB)
	}
	v1cycles, err := c.GetHostingBillingCycle(ctx, seed.AccountV1ID)
	must("v1 billing cycle", err)
	if v1cycles.AccountID != "20000" {
		t.Errorf("accountId = %q", v1cycles.AccountID)
	}
	wantAmount(t, "v1 cycle price", v1cycles.Cycles[0].Price, "79")
	_, err = c.GetVMBillingCycle(ctx, seed.VMID)
	must("VM billing cycle", err)
	details, err := c.GetVMDetails(ctx, seed.VMID)
	must("VM details", err)
	if details.ID != 10000 || details.CPU != 4 || details.RAMMB != 8192 || details.ProductID != "1937" {
		t.Errorf("details = %+v", details)
	}
	wantAmount(t, "VM price", details.Price, "560")
	vps, err := c.GetVPS(ctx, seed.VMV2ID)
	must("VPS", err)
	if vps.Specs.CPU != 4 || !vps.Options.Reported || vps.Options.BandwidthGB != 1000 {
		t.Errorf("VPS = %+v", vps)
	}
	vpses, err := c.ListVPSes(ctx, VPSFilter{Name: "vps"})
	must("VPS list", err)
	if len(vpses) != 3 || vpses[0].PrimaryIP != "" || vpses[0].Specs.RAMMB != 8192 {
		t.Errorf("VPS list = %+v", vpses)
	}
	vpsOpts, err := c.GetVPSUpgradeOptions(ctx, seed.VMV2ID)
	must("VPS upgrade options", err)
	if len(vpsOpts.AvailablePlans) != 3 || vpsOpts.AvailablePlans[0].ProductSlug != "vps-s" || !vpsOpts.AvailablePlans[0].Available ||
		vpsOpts.Actions.CanUpgrade.Reported || vpsOpts.ConfigurableOptions[2].Min != 1 || vpsOpts.ConfigurableOptions[0].CurrentReported {
		t.Errorf("VPS upgrade options = %+v", vpsOpts)
	}

	up := SharedHostingUpgrade{ProductSlug: "webbhotell-business"}
	preview, err := c.PreviewSharedHostingUpgrade(ctx, seed.AccountV2ID, up)
	must("plan preview", err)
	wantAmount(t, "plan preview amount", preview.PriceChange.Amount, "238.03")
	res, err := c.UpgradeSharedHosting(ctx, seed.AccountV2ID, up)
	must("plan change", err)
	order, err := c.GetOrder(ctx, *res.OrderID)
	must("order", err)
	inv, err := c.GetInvoice(ctx, res.PaymentInvoice.ID)
	must("invoice", err)
	simOrder := sim.Orders()[0]
	if string(order.Number) != strconv.FormatInt(simOrder.Number, 10) || inv.Number != res.PaymentInvoice.Number || inv.Number == "" {
		t.Errorf("order number %q (simulator %d), invoice number %q", order.Number, simOrder.Number, inv.Number)
	}
	_, err = c.PreviewBillingCycleChange(ctx, seed.ShopAccountV2ID, BillingCycleChange{BillingCycle: "annually"})
	must("billing-cycle preview", err)
	_, err = c.ChangeBillingCycle(ctx, seed.ShopAccountV2ID, BillingCycleChange{BillingCycle: "annually"})
	must("billing-cycle change", err)
	_, err = c.OrderStorageAddon(ctx, spare.V2ID, StorageAddonOrder{AddonID: "storage-10gb"})
	must("storage order", err)
	v1res, err := c.UpgradeHostingAccountV1(ctx, 20002, "1912")
	must("v1 plan change", err)
	if v1res.OrderID == 0 || v1res.InvoiceID == "" {
		t.Errorf("v1 plan change = %+v", v1res)
	}

	u := VMUpgrade{Resources: map[string]int64{"2231": 400}}
	est, err := c.EstimateVMUpgrade(ctx, seed.VMID, u)
	must("VM estimate", err)
	if est.CurrencyCode != "SEK" {
		t.Errorf("estimate = %+v", est)
	}
	commit, err := c.CommitVMUpgrade(ctx, seed.VMID, est.DraftID, u)
	must("VM commit", err)
	if commit.OrderID == "" || commit.OrderNum == 0 || commit.InvoiceID == "" || commit.NewRecurring == nil {
		t.Errorf("VM commit = %+v", commit)
	}
	_, err = c.PreviewVPSPlanChange(ctx, seed.XLVMV2ID, VPSPlanChange{ProductSlug: "vps-l"})
	must("VPS plan preview", err)
	plan, err := c.ChangeVPSPlan(ctx, spareVM.V2ID, VPSPlanChange{ProductSlug: "vps-l"})
	must("VPS plan change", err)
	if plan.OrderID != nil || plan.NewPlan != nil || plan.PaymentInvoice == nil {
		t.Errorf("VPS plan change = %+v", plan)
	}
	ch := VPSConfigChange{Resources: map[string]int64{"backupSlots": 9}}
	_, err = c.PreviewVPSConfig(ctx, seed.XLVMV2ID, ch)
	must("VPS option preview", err)
	_, err = c.ChangeVPSConfig(ctx, seed.XLVMV2ID, ch)
	must("VPS option change", err)

	scopes := map[string]string{}
	for _, r := range hostupsim.Routes() {
		scopes[r.Pattern] = r.Scope
	}
	reached := map[string]bool{}
	for _, r := range sim.Requests() {
		reached[r.Route] = true
		if got, ok := RequiredScope(r.Method, r.Path); !ok || got != scopes[r.Route] {
			t.Errorf("%s %s needs %s; RequiredScope says %q, %t", r.Method, r.Path, scopes[r.Route], got, ok)
		}
		if r.Status >= 300 {
			t.Errorf("%s %s answered %d", r.Method, r.Path, r.Status)
		}
	}
	for route := range scopes {
		if !reached[route] {
			t.Errorf("no method of the client reached %s", route)
		}
	}
}
