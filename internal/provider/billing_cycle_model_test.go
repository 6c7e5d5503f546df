package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

func TestBillingCycleModelFromV1(t *testing.T) {
	var m billingCycleModel
	m.fromV1(&client.BillingCycleInfo{
		Current: "a", CurrentName: "Annually", ProductID: "1912", AccountID: "20000",
		Cycles: []client.BillingCycleV1{
			{ID: "m", Name: "Monthly", Price: client.MustAmount("79.00"), BillingCycle: "Monthly"},
			{ID: "a", Name: "Annually", Price: client.MustAmount("708.00"), IsCurrent: true, BillingCycle: "Annually"},
		},
		AccountDetails: client.BillingCycleAccount{Domain: "example.com", Name: "Start (cpanel)", Total: client.MustAmount("708.00")},
	})
	if m.CurrentCycle.ValueString() != "a" || m.CurrentBillingCycle.ValueString() != "annually" || m.ProductID.ValueString() != "1912" {
		t.Errorf("current: %+v", m)
	}
	if !m.CurrencyCode.IsNull() {
		t.Error("v1 says no currency; it must be null, not guessed")
	}
	if len(m.Cycles) != 2 || m.Cycles[0].BillingCycle.ValueString() != "monthly" || !m.Cycles[1].IsCurrent.ValueBool() ||
		!m.Cycles[1].Price.Equal(mustNumber(t, "708")) {
		t.Errorf("cycles: %+v", m.Cycles)
	}
	if m.AccountDetails.Domain.ValueString() != "example.com" || !m.AccountDetails.Total.Equal(mustNumber(t, "708")) {
		t.Errorf("details: %+v", m.AccountDetails)
	}
}

func TestBillingCycleModelFromV2(t *testing.T) {
	var m billingCycleModel
	m.fromV2(&client.SharedHostingBillingCycles{
		CurrentBillingCycle: "monthly",
		Cycles: []client.BillingCycleV2{
			{BillingCycle: "monthly", Amount: client.MustAmount("39"), CurrencyCode: "SEK", IsCurrent: true},
			{BillingCycle: "annually", Amount: client.MustAmount("374"), CurrencyCode: "SEK"},
		},
	}, &client.SharedHostingAccount{ID: "acct_1", Name: "Mini (cpanel)", PrimaryDomain: "shop.example.se",
		Billing: client.Billing{Amount: client.MustAmount("39"), CurrencyCode: "SEK", BillingCycle: "monthly"}})
	if m.CurrentCycle.ValueString() != "monthly" || m.CurrentCycleName.ValueString() != "Monthly" || !m.ProductID.IsNull() ||
		m.CurrencyCode.ValueString() != "SEK" {
		t.Errorf("current: %+v", m)
	}
	if m.Cycles[1].ID.ValueString() != "annually" || m.Cycles[1].Name.ValueString() != "Annually" || !m.Cycles[1].Price.Equal(mustNumber(t, "374")) {
		t.Errorf("cycles: %+v", m.Cycles)
	}
	if m.AccountDetails.Name.ValueString() != "Mini (cpanel)" || !m.AccountDetails.Total.Equal(mustNumber(t, "39")) {
		t.Errorf("details: %+v", m.AccountDetails)
	}
}

func TestCycleNames(t *testing.T) {
	for v1, canonical := range map[string]string{"Monthly": "monthly", "Annually": "annually", "Semi-Annually": "semiannually", "Biennially": "biennially"} {
		if got := canonicalCycle(v1); got != canonical {
			t.Errorf("canonicalCycle(%q) = %q, want %q", v1, got, canonical)
		}
	}
	if got := cycleDisplayName("quarterly"); got != "Quarterly" {
		t.Errorf("cycleDisplayName = %q", got)
	}
	if cycleDisplayName("") != "" {
		t.Error("empty stays empty")
	}
}

func mustNumber(t *testing.T, s string) types.Number {
	t.Helper()
	return tfvalue.Amount(client.MustAmount(s))
}
