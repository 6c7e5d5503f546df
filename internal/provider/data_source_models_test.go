package provider

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// Each data source's model from HostUp's answers: the answer in full, and
// the answer as lean as the contract allows, where what HostUp leaves out
// must be null, never 0 or "".

func tfStr(s string) types.String { return types.StringValue(s) }
func tfNum(s string) types.Number { return tfvalue.Amount(client.MustAmount(s)) }
func tfInt(n int64) types.Int64   { return types.Int64Value(n) }
func tfBool(b bool) types.Bool    { return types.BoolValue(b) }

var (
	nullStr  = types.StringNull()
	nullNum  = types.NumberNull()
	nullInt  = types.Int64Null()
	nullBool = types.BoolNull()
)

func gate(allowed bool, reason, code *string) client.ActionGate {
	return client.ActionGate{Allowed: allowed, Reason: reason, Code: code, Reported: true}
}

func sek(amount, cycle string) client.Billing {
	return client.Billing{Amount: client.MustAmount(amount), CurrencyCode: "SEK", BillingCycle: cycle}
}

func ptr(s string) *string { return &s }

// modelCase converts one answer; want is the model expected.
type modelCase struct {
	name string
	got  func() any
	want any
}

func TestDataSourceModels(t *testing.T) {
	var cases []modelCase
	for _, group := range [][]modelCase{accountCases(), planOptionCases(), storageTierCases(), vpsOptionCases(), virtualServerCases(), billingCycleCases()} {
		cases = append(cases, group...)
	}
	// Terraform values compare by Equal: a number's precision is no part of it.
	byValue := cmp.Comparer(func(a, b attr.Value) bool { return a.Equal(b) })
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.got(), byValue); diff != "" {
				t.Errorf("model (-want +got):\n%s", diff)
			}
		})
	}
}

func accountCases() []modelCase {
	full := client.SharedHostingAccount{ID: "acct_1", Name: "Start (cpanel)", PrimaryDomain: "example.com",
		Domains: []string{"example.com", "www.example.com"}, ServiceStatus: "active", Billing: sek("708", "annually"),
		NextDueAt: ptr("2026-03-01T00:00:00.000Z")}
	plan := &client.UpgradeOptions{CurrentPackage: client.Package{ProductSlug: "webbhotell-start", Name: "Start"}}
	return []modelCase{{
		name: "accounts/full",
		got: func() any {
			var m accountsModel
			m.FromAPI([]client.SharedHostingAccount{full}, []*client.UpgradeOptions{plan})
			return m
		},
		want: accountsModel{Accounts: []accountModel{{
			ID: tfStr("acct_1"), Name: tfStr("Start (cpanel)"), PrimaryDomain: tfStr("example.com"),
			Domains:       types.ListValueMust(types.StringType, []attr.Value{tfStr("example.com"), tfStr("www.example.com")}),
			ServiceStatus: tfStr("active"), Amount: tfNum("708"), CurrencyCode: tfStr("SEK"), BillingCycle: tfStr("annually"),
			ProductSlug: tfStr("webbhotell-start"), PlanName: tfStr("Start"), NextDueAt: tfStr("2026-03-01T00:00:00.000Z"),
		}}},
	}, {
		name: "accounts/lean: no price, no domains, a plan by slug alone",
		got: func() any {
			var m accountModel
			m.FromAPI(client.SharedHostingAccount{ID: "acct_2", Billing: client.Billing{BillingCycle: "monthly"}},
				&client.UpgradeOptions{CurrentPackage: client.Package{ProductSlug: "webbhotell-mini"}})
			return m
		},
		want: accountModel{ID: tfStr("acct_2"), Name: nullStr, PrimaryDomain: nullStr, Domains: types.ListNull(types.StringType),
			ServiceStatus: nullStr, Amount: nullNum, CurrencyCode: nullStr, BillingCycle: tfStr("monthly"),
			ProductSlug: tfStr("webbhotell-mini"), PlanName: nullStr, NextDueAt: nullStr},
	}, {
		name: "accounts/plan not read",
		got: func() any {
			var m accountModel
			m.FromAPI(full, nil)
			return []types.String{m.ProductSlug, m.PlanName}
		},
		want: []types.String{nullStr, nullStr},
	}}
}

func planOptionCases() []modelCase {
	soldOut := "Sold out"
	return []modelCase{{
		name: "plan options/full",
		got: func() any {
			var m planOptionsModel
			m.FromAPI(&client.UpgradeOptions{Domain: "example.com", CurrencyCode: "SEK",
				Actions:        client.UpgradeActions{CanUpgrade: gate(true, nil, nil)},
				CurrentPackage: client.Package{ProductSlug: "webbhotell-start", Name: "Start", Billing: sek("708", "annually")},
				AvailableOptions: []client.UpgradeOption{
					{ProductSlug: "webbhotell-mini", Name: "Mini", Type: "downgrade", Billing: sek("374", "annually"), Available: true},
					{ProductSlug: "webbhotell-premium", Name: "Premium", Type: "upgrade", Billing: sek("1908.50", "annually"), Reason: &soldOut},
				}})
			return m
		},
		want: planOptionsModel{Domain: tfStr("example.com"), CurrencyCode: tfStr("SEK"), CanChange: tfBool(true), CannotChangeReason: nullStr,
			Current: &planOptionModel{ProductSlug: tfStr("webbhotell-start"), Name: tfStr("Start"), Type: tfStr("current"), Amount: tfNum("708"),
				CurrencyCode: tfStr("SEK"), BillingCycle: tfStr("annually"), Available: tfBool(true), Reason: nullStr},
			Options: []planOptionModel{
				{ProductSlug: tfStr("webbhotell-mini"), Name: tfStr("Mini"), Type: tfStr("downgrade"), Amount: tfNum("374"),
					CurrencyCode: tfStr("SEK"), BillingCycle: tfStr("annually"), Available: tfBool(true), Reason: nullStr},
				{ProductSlug: tfStr("webbhotell-premium"), Name: tfStr("Premium"), Type: tfStr("upgrade"), Amount: tfNum("1908.50"),
					CurrencyCode: tfStr("SEK"), BillingCycle: tfStr("annually"), Available: tfBool(false), Reason: tfStr("Sold out")},
			}},
	}, {
		name: "plan options/lean: no gate, an unpriced current package, plans by slug",
		got: func() any {
			var m planOptionsModel
			m.FromAPI(&client.UpgradeOptions{CurrentPackage: client.Package{ProductSlug: "webbhotell-start", Name: "Start"},
				AvailableOptions: []client.UpgradeOption{{ProductSlug: "webbhotell-mini", Available: true}}})
			return m
		},
		want: planOptionsModel{Domain: nullStr, CurrencyCode: nullStr, CanChange: nullBool, CannotChangeReason: nullStr,
			Current: &planOptionModel{ProductSlug: tfStr("webbhotell-start"), Name: tfStr("Start"), Type: tfStr("current"), Amount: nullNum,
				CurrencyCode: nullStr, BillingCycle: nullStr, Available: tfBool(true), Reason: nullStr},
			Options: []planOptionModel{bareSlug("webbhotell-mini")}},
	}, {
		name: "plan options/none offered is an empty list",
		got: func() any {
			var m planOptionsModel
			m.FromAPI(&client.UpgradeOptions{Actions: client.UpgradeActions{CanUpgrade: gate(false, &soldOut, nil)}})
			return []any{m.Options, m.CanChange, m.CannotChangeReason}
		},
		want: []any{[]planOptionModel{}, tfBool(false), tfStr("Sold out")},
	}}
}

// bareSlug is a plan HostUp lists by its slug alone.
func bareSlug(slug string) planOptionModel {
	return planOptionModel{ProductSlug: tfStr(slug), Name: nullStr, Type: nullStr, Amount: nullNum, CurrencyCode: nullStr,
		BillingCycle: nullStr, Available: tfBool(true), Reason: nullStr}
}

func storageTierCases() []modelCase {
	busy, code := "Busy.", "pending_order"
	return []modelCase{{
		name: "storage tiers/full, gate closed",
		got: func() any {
			var m storageTiersModel
			m.FromAPI(&client.StorageTiers{
				Tiers: []client.StorageTier{{ID: "storage-10gb", Name: "10 GB", Description: "d", Price: client.MustAmount("49.90"),
					CurrencyCode: "SEK", BillingCycle: "annually", SizeGB: 10, Available: false, Reason: &busy}},
				Actions: client.StorageActions{CanAddStorage: gate(false, &busy, &code)},
				Account: client.StorageTiersAccount{ID: "acct_1", Domain: "example.com"},
			})
			return m
		},
		want: storageTiersModel{Domain: tfStr("example.com"),
			CanAddStorage: &actionGateModel{Allowed: tfBool(false), Reason: tfStr(busy), Code: tfStr(code)},
			Tiers: []storageTierModel{{ID: tfStr("storage-10gb"), Name: tfStr("10 GB"), Description: tfStr("d"), SizeGB: tfInt(10),
				Price: tfNum("49.90"), CurrencyCode: tfStr("SEK"), BillingCycle: tfStr("annually"), Available: tfBool(false), Reason: tfStr(busy)}}},
	}, {
		name: "storage tiers/lean: no gate, an unpriced tier",
		got: func() any {
			var m storageTiersModel
			m.FromAPI(&client.StorageTiers{Tiers: []client.StorageTier{{ID: "storage-10gb", Available: true}}})
			return m
		},
		want: storageTiersModel{Domain: nullStr, CanAddStorage: &actionGateModel{Allowed: nullBool, Reason: nullStr, Code: nullStr},
			Tiers: []storageTierModel{{ID: tfStr("storage-10gb"), Name: nullStr, Description: nullStr, SizeGB: nullInt, Price: nullNum,
				CurrencyCode: nullStr, BillingCycle: nullStr, Available: tfBool(true), Reason: nullStr}}},
	}, {
		name: "storage tiers/none is an empty list, an open gate",
		got: func() any {
			var m storageTiersModel
			m.FromAPI(&client.StorageTiers{Tiers: []client.StorageTier{}, Actions: client.StorageActions{CanAddStorage: gate(true, nil, nil)}})
			return m
		},
		want: storageTiersModel{Domain: nullStr, CanAddStorage: &actionGateModel{Allowed: tfBool(true), Reason: nullStr, Code: nullStr},
			Tiers: []storageTierModel{}},
	}}
}

func vpsOptionCases() []modelCase {
	vps := &client.VPS{ID: "vps_1", Hostname: "vps1.example.com", Plan: client.VPSPlan{ProductSlug: "vps-l", Name: "VPS L"},
		Billing: sek("560", "monthly"), Specs: client.VPSSpecs{CPU: 4, RAMMB: 8192, DiskGB: 160, BandwidthGB: 4000},
		Options: client.VPSOptions{BandwidthGB: 1000, IPv4Count: 1, IPv6: true, Reported: true}}
	current := &vpsCurrentModel{Package: tfStr("vps-l"), Name: tfStr("VPS L"), Amount: tfNum("560"), CurrencyCode: tfStr("SEK"),
		BillingCycle: tfStr("monthly"), CPU: tfInt(4), RAMMB: tfInt(8192), DiskGB: tfInt(160), BandwidthGB: tfInt(4000)}
	return []modelCase{{
		name: "vps options/full",
		got: func() any {
			var m vpsUpgradeOptionsModel
			m.FromAPI(vps, &client.VPSUpgradeOptions{Actions: client.UpgradeActions{CanUpgrade: gate(true, nil, nil)},
				AvailablePlans: []client.UpgradeOption{{ProductSlug: "vps-xl", Name: "VPS XL", Type: "upgrade", Billing: sek("740", "monthly"), Available: true}},
				ConfigurableOptions: []client.VPSConfigOption{{Key: "ipv4Count", Name: "IPv4", Type: "quantity", Min: 1, Max: 8, Current: 1,
					CurrentReported: true, Price: sek("40", "monthly")}}})
			return m
		},
		want: vpsUpgradeOptionsModel{Hostname: tfStr("vps1.example.com"), CanChange: tfBool(true), CannotChangeReason: nullStr, Current: current,
			Plans: []planOptionModel{{ProductSlug: tfStr("vps-xl"), Name: tfStr("VPS XL"), Type: tfStr("upgrade"), Amount: tfNum("740"),
				CurrencyCode: tfStr("SEK"), BillingCycle: tfStr("monthly"), Available: tfBool(true), Reason: nullStr}},
			Options: []vpsConfigOptionModel{{Key: tfStr("ipv4Count"), Name: tfStr("IPv4"), Type: tfStr("quantity"), Min: tfInt(1), Max: tfInt(8),
				Current: tfInt(1), Price: tfNum("40"), CurrencyCode: tfStr("SEK"), BillingCycle: tfStr("monthly")}}},
	}, {
		name: "vps options/lean: the current plan and values from the VPS, plans by slug, options by key, type and minimum",
		got: func() any {
			var m vpsUpgradeOptionsModel
			m.FromAPI(vps, &client.VPSUpgradeOptions{AvailablePlans: []client.UpgradeOption{{ProductSlug: "vps-sm", Available: true}},
				ConfigurableOptions: []client.VPSConfigOption{{Key: "ipv6", Type: "boolean"}, {Key: "backupSlots", Type: "quantity"}}})
			return m
		},
		want: vpsUpgradeOptionsModel{Hostname: tfStr("vps1.example.com"), CanChange: nullBool, CannotChangeReason: nullStr, Current: current,
			Plans: []planOptionModel{bareSlug("vps-sm")},
			Options: []vpsConfigOptionModel{
				{Key: tfStr("ipv6"), Name: nullStr, Type: tfStr("boolean"), Min: tfInt(0), Max: nullInt, Current: tfInt(1), Price: nullNum,
					CurrencyCode: nullStr, BillingCycle: nullStr},
				{Key: tfStr("backupSlots"), Name: nullStr, Type: tfStr("quantity"), Min: tfInt(0), Max: nullInt, Current: tfInt(0), Price: nullNum,
					CurrencyCode: nullStr, BillingCycle: nullStr},
			}},
	}, {
		name: "vps options/a VPS read without options: the option's own value, else null",
		got: func() any {
			var m vpsUpgradeOptionsModel
			m.FromAPI(&client.VPS{ID: "vps_1"}, &client.VPSUpgradeOptions{ConfigurableOptions: []client.VPSConfigOption{
				{Key: "ipv4Count", Type: "quantity", Min: 1, Current: 2, CurrentReported: true}, {Key: "ipv6", Type: "boolean"}}})
			return []any{m.Options[0].Current, m.Options[1].Current, m.Current, m.Hostname}
		},
		want: []any{tfInt(2), nullInt, &vpsCurrentModel{Package: nullStr, Name: nullStr, Amount: nullNum, CurrencyCode: nullStr,
			BillingCycle: nullStr, CPU: nullInt, RAMMB: nullInt, DiskGB: nullInt, BandwidthGB: nullInt}, nullStr},
	}, {
		name: "vps options/v1",
		got: func() any {
			var m vpsUpgradeOptionsModel
			m.FromV1(&client.VMDetails{ID: 10000, ProductID: "1937", ProductName: "VPS L", Hostname: "vps1.example.com",
				BillingCycle: "monthly", Price: client.MustAmount("560.00"), CPU: 4, RAMMB: 8192, DiskGB: 160, BandwidthLimit: 4000})
			return m
		},
		want: vpsUpgradeOptionsModel{Hostname: tfStr("vps1.example.com"), CanChange: nullBool, CannotChangeReason: nullStr,
			Current: &vpsCurrentModel{Package: tfStr("1937"), Name: tfStr("VPS L"), Amount: tfNum("560"), CurrencyCode: nullStr,
				BillingCycle: tfStr("monthly"), CPU: tfInt(4), RAMMB: tfInt(8192), DiskGB: tfInt(160), BandwidthGB: tfInt(4000)}},
	}, {
		name: "vps options/v1 without a price",
		got: func() any {
			var m vpsUpgradeOptionsModel
			m.FromV1(&client.VMDetails{ProductID: "1937", CPU: 4})
			return []any{m.Current.Amount, m.Current.BillingCycle, m.Current.CPU, m.Current.RAMMB}
		},
		want: []any{nullNum, nullStr, tfInt(4), nullInt},
	}}
}

func virtualServerCases() []modelCase {
	entry := client.VPS{ID: "vps_1", Hostname: "vps1.example.com", Status: "active", Plan: client.VPSPlan{ProductSlug: "vps-l", Name: "VPS L"},
		Billing: sek("560", "monthly"), Specs: client.VPSSpecs{CPU: 4, RAMMB: 8192, DiskGB: 160, BandwidthGB: 4000}, PrimaryIP: "203.0.113.10"}
	full := virtualServerModel{ID: tfStr("vps_1"), Hostname: tfStr("vps1.example.com"), Status: tfStr("active"), ProductSlug: tfStr("vps-l"),
		PlanName: tfStr("VPS L"), BillingCycle: tfStr("monthly"), Amount: tfNum("560"), CurrencyCode: tfStr("SEK"), CPU: tfInt(4),
		RAMMB: tfInt(8192), DiskGB: tfInt(160), BandwidthGB: tfInt(4000), PrimaryIP: tfStr("203.0.113.10")}
	lean := full
	lean.PrimaryIP, lean.PlanName, lean.Amount = nullStr, nullStr, nullNum
	return []modelCase{{
		name: "virtual servers/full and lean: no primary IP, no plan name, no price",
		got: func() any {
			leanEntry := entry
			leanEntry.PrimaryIP, leanEntry.Plan.Name, leanEntry.Billing.Amount = "", "", client.Amount{}
			var m virtualServersModel
			m.FromAPI([]client.VPS{entry, leanEntry})
			return m
		},
		want: virtualServersModel{Servers: []virtualServerModel{full, lean}},
	}, {
		name: "virtual servers/none is an empty list",
		got: func() any {
			var m virtualServersModel
			m.FromAPI(nil)
			return m
		},
		want: virtualServersModel{Servers: []virtualServerModel{}},
	}}
}

func billingCycleCases() []modelCase {
	return []modelCase{{
		name: "billing cycle/v1",
		got: func() any {
			var m billingCycleModel
			m.FromV1(&client.BillingCycleInfo{Current: "a", CurrentName: "Annually", ProductID: "1912", AccountID: "20000",
				Cycles: []client.BillingCycleV1{
					{ID: "m", Name: "Monthly", Price: client.MustAmount("79.00"), BillingCycle: "Monthly"},
					{ID: "a", Name: "Annually", Price: client.MustAmount("708.00"), IsCurrent: true, BillingCycle: "Semi-Annually"},
				},
				AccountDetails: client.BillingCycleAccount{Domain: "example.com", Name: "Start (cpanel)", Total: client.MustAmount("708.00")}})
			return m
		},
		// v1 names no currency: null, not guessed.
		want: billingCycleModel{CurrentCycle: tfStr("a"), CurrentCycleName: tfStr("Annually"), CurrentBillingCycle: tfStr("annually"),
			ProductID: tfStr("1912"), CurrencyCode: nullStr, Cycles: []billingCycleEntry{
				{ID: tfStr("m"), Name: tfStr("Monthly"), Price: tfNum("79"), IsCurrent: tfBool(false), BillingCycle: tfStr("monthly")},
				{ID: tfStr("a"), Name: tfStr("Annually"), Price: tfNum("708"), IsCurrent: tfBool(true), BillingCycle: tfStr("semiannually")},
			},
			AccountDetails: &accountDetailsModel{Domain: tfStr("example.com"), Name: tfStr("Start (cpanel)"), Total: tfNum("708")}},
	}, {
		name: "billing cycle/v1 without prices",
		got: func() any {
			var m billingCycleModel
			m.FromV1(&client.BillingCycleInfo{Current: "m", CurrentName: "Monthly", Cycles: []client.BillingCycleV1{{ID: "m", IsCurrent: true}}})
			return []any{m.Cycles[0].Price, m.Cycles[0].Name, m.AccountDetails.Total, m.ProductID}
		},
		want: []any{nullNum, nullStr, nullNum, nullStr},
	}, {
		name: "billing cycle/v2: display names made, the total of the current cycle",
		got: func() any {
			var m billingCycleModel
			m.FromAPI(&client.SharedHostingBillingCycles{CurrentBillingCycle: "monthly", Cycles: []client.BillingCycleV2{
				{BillingCycle: "monthly", Amount: client.MustAmount("39"), CurrencyCode: "SEK", IsCurrent: true},
				{BillingCycle: "annually", Amount: client.MustAmount("374"), CurrencyCode: "SEK"},
			}}, &client.SharedHostingAccount{ID: "acct_1", Name: "Mini (cpanel)", PrimaryDomain: "shop.example.se", Billing: sek("40", "monthly")})
			return m
		},
		want: billingCycleModel{CurrentCycle: tfStr("monthly"), CurrentCycleName: tfStr("Monthly"), CurrentBillingCycle: tfStr("monthly"),
			ProductID: nullStr, CurrencyCode: tfStr("SEK"), Cycles: []billingCycleEntry{
				{ID: tfStr("monthly"), Name: tfStr("Monthly"), Price: tfNum("39"), IsCurrent: tfBool(true), BillingCycle: tfStr("monthly")},
				{ID: tfStr("annually"), Name: tfStr("Annually"), Price: tfNum("374"), IsCurrent: tfBool(false), BillingCycle: tfStr("annually")},
			},
			AccountDetails: &accountDetailsModel{Domain: tfStr("shop.example.se"), Name: tfStr("Mini (cpanel)"), Total: tfNum("39")}},
	}, {
		name: "billing cycle/v2 without a current cycle or an account price",
		got: func() any {
			var m billingCycleModel
			m.FromAPI(&client.SharedHostingBillingCycles{CurrentBillingCycle: "monthly"}, &client.SharedHostingAccount{ID: "acct_1"})
			return []any{m.AccountDetails, m.CurrencyCode, m.Cycles}
		},
		want: []any{&accountDetailsModel{Domain: nullStr, Name: nullStr, Total: nullNum}, nullStr, []billingCycleEntry{}},
	}}
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
