package client_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

func TestSimulatorVMDetails(t *testing.T) {
	c, _, seed := newSimClient(t)
	d, err := c.GetVMDetails(context.Background(), seed.VMID)
	if err != nil {
		t.Fatal(err)
	}
	want := client.VMDetails{ID: 10000, ProductID: "1937", ProductName: "VPS L", Hostname: "vps1.example.com",
		Status: "active", BillingCycle: client.CycleMonthly, Price: client.MustAmount("560"), CPU: 4, RAMMB: 8192,
		DiskGB: 160, BandwidthLimit: 4000, NextDue: "2026-03-08"}
	if fmt.Sprint(*d) != fmt.Sprint(want) {
		t.Errorf("details = %+v\nwant %+v", *d, want)
	}
	_, err = c.GetVMDetails(context.Background(), 19999)
	if !client.IsNotFound(err) || !client.HasCode(err, "NOT_FOUND") {
		t.Errorf("unknown VM: %v", err)
	}
}

func TestSimulatorVMEstimateAndCommit(t *testing.T) {
	c, sim, seed := newSimClient(t)
	ctx := context.Background()
	u := client.VMUpgrade{Resources: map[string]int64{"2231": 400}, BillingCycle: client.CycleMonthly}
	est, err := c.EstimateVMUpgrade(ctx, seed.VMID, u)
	if err != nil {
		t.Fatal(err)
	}
	if est.DraftID != 5257 || est.Prorated.String() != "185.71" || est.Recurring.String() != "760" ||
		est.CurrencyCode != "SEK" || est.CurrencySymbol != "kr" {
		t.Errorf("estimate = %+v", est)
	}
	// Only the fields above are kept: nothing of the customer record.
	for _, secret := range []string{hostupsim.FakeCustomerEmail, hostupsim.FakeCustomerCardNumber,
		hostupsim.FakeCustomerPassword, hostupsim.FakeCustomerResetToken} {
		if strings.Contains(fmt.Sprintf("%#v", est), secret) {
			t.Errorf("estimate keeps %q", secret)
		}
	}
	if body := sim.Requests()[0].Body; body["send"] != false || body["cycle"] != "m" {
		t.Errorf("estimate request body = %v", body)
	}

	res, err := c.CommitVMUpgrade(ctx, seed.VMID, est.DraftID, u)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Upgraded || res.OrderID != "33784" || res.OrderNum != 1941404912 || res.InvoiceID != "50619" ||
		res.Total.String() != "185.71" || res.NewRecurring == nil || res.NewRecurring.String() != "760" {
		t.Errorf("commit = %+v", res)
	}
	if n := sim.CountWhere(hostupsim.RouteV1VMUpgrade, func(r hostupsim.RequestRecord) bool {
		return r.Body["send"] == true && r.Body["draftId"] == float64(5257)
	}); n != 1 {
		t.Errorf("draft commits = %d, want 1", n)
	}

	// The same draft again is refused; nothing more is bought.
	_, err = c.CommitVMUpgrade(ctx, seed.VMID, est.DraftID, u)
	if !client.HasCode(err, "INVALID_DRAFT") {
		t.Errorf("second commit: %v", err)
	}
	if n := len(sim.Orders()); n != 1 {
		t.Errorf("orders = %d, want 1", n)
	}
	if _, err := c.EstimateVMUpgrade(ctx, seed.VMID, client.VMUpgrade{Package: "1938", BillingCycle: "weekly"}); err == nil {
		t.Error("an unknown cycle was sent")
	}
}

func TestSimulatorVMCommitWithoutDraftCredit(t *testing.T) {
	c, _, seed := newSimClient(t)
	res, err := c.CommitVMUpgrade(context.Background(), seed.XLVMID, 0, client.VMUpgrade{Resources: map[string]int64{"2404": 0}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total.String() != "-383.18" || res.InvoiceID != "" {
		t.Errorf("credit = %+v", res)
	}
}

func TestSimulatorVPSReads(t *testing.T) {
	c, sim, seed := newSimClient(t)
	ctx := context.Background()
	v, err := c.GetVPS(ctx, seed.VMV2ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.ID != seed.VMV2ID || v.Hostname != "vps1.example.com" || v.Status != "active" ||
		v.Plan != (client.VPSPlan{ProductSlug: "vps-l", Name: "VPS L"}) || v.Billing.Amount.String() != "560" ||
		v.Billing.BillingCycle != client.CycleMonthly || v.Specs != (client.VPSSpecs{CPU: 4, RAMMB: 8192, DiskGB: 160, BandwidthGB: 4000}) ||
		v.Options != (client.VPSOptions{BandwidthGB: 1000, IPv4Count: 1, IPv6: true, Reported: true}) {
		t.Errorf("vps = %+v", v)
	}

	sim.SetProductAvailable("vps-s", false, "Sold out")
	o, err := c.GetVPSUpgradeOptions(ctx, seed.VMV2ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.VPSID != seed.VMV2ID || !o.Actions.CanUpgrade.Allowed || o.CurrentPlan.ProductSlug != "vps-l" ||
		len(o.AvailablePlans) != 3 || o.AvailablePlans[0].Reason == nil || *o.AvailablePlans[0].Reason != "Sold out" ||
		o.AvailablePlans[2].Type != client.OptionTypeUpgrade || o.AvailablePlans[2].Billing.Amount.String() != "740" {
		t.Errorf("options = %+v", o)
	}
	var keys []string
	for _, opt := range o.ConfigurableOptions {
		keys = append(keys, fmt.Sprintf("%s:%s:%d-%d:%d:%s", opt.Key, opt.Type, opt.Min, opt.Max, opt.Current, opt.Price.Amount))
	}
	if got := strings.Join(keys, " "); got != "bandwidthGb:quantity:0-10000:1000:0.1 additionalStorageGb:quantity:0-2000:0:0.5 "+
		"ipv4Count:quantity:1-8:1:40 ipv6:boolean:0-1:1:0 backupSlots:quantity:0-50:0:15 snapshotSlots:quantity:0-20:0:10" {
		t.Errorf("configurable options = %s", got)
	}

	_, err = c.GetVPS(ctx, "vps_0unknown")
	if !client.IsNotFound(err) || !client.HasCode(err, "vps_not_found") {
		t.Errorf("unknown VPS: %v", err)
	}
}

func TestSimulatorVPSChanges(t *testing.T) {
	c, sim, seed := newSimClient(t)
	ctx := context.Background()
	p, err := c.PreviewVPSPlanChange(ctx, seed.VMV2ID, client.VPSPlanChange{ProductSlug: "vps-xl"})
	if err != nil {
		t.Fatal(err)
	}
	if !p.DryRun || p.NewPlan == nil || p.NewPlan.ProductSlug != "vps-xl" || p.PriceChange.Amount.String() != "167.14" ||
		p.PriceChange.RecurringAmount.String() != "740" || p.PriceChange.AdditionalRecurringAmount.String() != "180" ||
		p.PriceChange.CurrencyCode != "SEK" || !p.Actions.CanCommit.Allowed || p.OrderID != nil {
		t.Errorf("plan preview = %+v", p)
	}
	res, err := c.ChangeVPSPlan(ctx, seed.VMV2ID, client.VPSPlanChange{ProductSlug: "vps-xl"})
	if err != nil {
		t.Fatal(err)
	}
	if res.DryRun || res.OrderID == nil || res.PaymentInvoice == nil || res.PaymentInvoice.Amount.String() != "167.14" {
		t.Errorf("plan change = %+v", res)
	}
	sim.Advance(hostupsim.VMUpgradeDelay)

	ch := client.VPSConfigChange{Resources: map[string]int64{"backupSlots": 2, "ipv6": 0}, CancelExistingInvoice: true}
	cp, err := c.PreviewVPSConfig(ctx, seed.VMV2ID, ch)
	if err != nil {
		t.Fatal(err)
	}
	if !cp.DryRun || cp.PriceChange.AdditionalRecurringAmount.String() != "30" {
		t.Errorf("config preview = %+v", cp)
	}
	if _, err := c.ChangeVPSConfig(ctx, seed.VMV2ID, ch); err != nil {
		t.Fatal(err)
	}
	if body := sim.Requests()[len(sim.Requests())-1].Body; fmt.Sprint(body) !=
		"map[cancelExistingInvoice:true dryRun:false resources:map[backupSlots:2 ipv6:false]]" {
		t.Errorf("config body = %v", body)
	}
	sim.Advance(hostupsim.VMUpgradeDelay)
	v, _ := sim.VM(seed.VMV2ID)
	if v.ProductID != "1938" || v.Options[hostupsim.OptionBackups] != 2 || v.Options[hostupsim.OptionIPv6] != 0 {
		t.Errorf("vm = %+v", v)
	}

	_, err = c.ChangeVPSConfig(ctx, seed.VMV2ID, client.VPSConfigChange{Resources: map[string]int64{"ipv4Count": 9}})
	var apiErr *client.APIError
	if !client.HasCode(err, "invalid_request") || !errors.As(err, &apiErr) || len(apiErr.FieldErrors) != 1 ||
		apiErr.FieldErrors[0].Pointer != "/resources/ipv4Count" {
		t.Errorf("out of range: %v", err)
	}
}
