package client

import (
	"context"
	"testing"
)

const vpsDocumented = `{"id":"vps_01hxa3b4c5d6e7f8g9h0j1k2n1","hostname":"vps1.example.com","status":"active",` +
	`"plan":{"productSlug":"vps-l","name":"VPS L"},"billing":{"amount":560,"currencyCode":"SEK","billingCycle":"monthly"},` +
	`"specs":{"cpu":4,"ramMb":8192,"diskGb":160,"bandwidthGb":4000},` +
	`"options":{"bandwidthGb":1000,"backupSlots":0,"snapshotSlots":0,"ipv4Count":1,"ipv6":true,"additionalStorageGb":0}}`

func wantVPS(t *testing.T, v *VPS) {
	t.Helper()
	if v.ID != "vps_01hxa3b4c5d6e7f8g9h0j1k2n1" || v.Hostname != "vps1.example.com" || v.Plan.ProductSlug != "vps-l" ||
		v.Specs != (VPSSpecs{CPU: 4, RAMMB: 8192, DiskGB: 160, BandwidthGB: 4000}) {
		t.Errorf("vps = %+v", v)
	}
}

func TestDecodeVPS(t *testing.T) {
	get := func(ctx context.Context, c *Client) (*VPS, error) {
		return c.GetVPS(ctx, "vps_01hxa3b4c5d6e7f8g9h0j1k2n1")
	}
	runDecodeCases(t, get, []decodeCase[VPS]{
		{name: "documented fields", body: vpsDocumented, check: func(t *testing.T, v *VPS) {
			wantVPS(t, v)
			if v.Options != (VPSOptions{BandwidthGB: 1000, IPv4Count: 1, IPv6: true, Reported: true}) || v.PrimaryIP != "" {
				t.Errorf("options = %+v", v.Options)
			}
			wantAmount(t, "billing.amount", v.Billing.Amount, "560")
		}},
		{name: "sizes as strings", body: `{"id":"vps_01hxa3b4c5d6e7f8g9h0j1k2n1","hostname":"vps1.example.com","status":"active",` +
			`"plan":{"productSlug":"vps-l","name":"VPS L"},"specs":{"cpu":"4","ramMb":"8192","diskGb":"160","bandwidthGb":"4000"},` +
			`"options":{"bandwidthGb":"1000","backupSlots":"2","snapshotSlots":"0","ipv4Count":"1","ipv6":false,"additionalStorageGb":"0"}}`,
			check: func(t *testing.T, v *VPS) {
				wantVPS(t, v)
				if v.Options != (VPSOptions{BandwidthGB: 1000, BackupSlots: 2, IPv4Count: 1, Reported: true}) {
					t.Errorf("options = %+v", v.Options)
				}
				wantUnset(t, "billing.amount", v.Billing.Amount)
			}},
		{name: "without options", body: `{"id":"vps_1","plan":{"productSlug":"vps-l"}}`,
			check: func(t *testing.T, v *VPS) {
				if v.Options.Reported {
					t.Error("absent options read as reported")
				}
			}},
	})
}

func TestDecodeVPSList(t *testing.T) {
	list := func(ctx context.Context, c *Client) (*[]VPS, error) {
		all, err := c.ListVPSes(ctx, VPSFilter{})
		return &all, err
	}
	runDecodeCases(t, list, []decodeCase[[]VPS]{
		{name: "documented fields", body: `{"data":[{"id":"vps_01hxa3b4c5d6e7f8g9h0j1k2n1","hostname":"vps1.example.com",` +
			`"status":"active","plan":{"productSlug":"vps-l","name":"VPS L"},"billing":{"amount":560,"currencyCode":"SEK",` +
			`"billingCycle":"monthly"},"specs":{"cpu":4,"ramMb":8192,"diskGb":160,"bandwidthGb":4000}}],"hasMore":false,"nextCursor":null}`,
			check: func(t *testing.T, all *[]VPS) {
				if len(*all) != 1 {
					t.Fatalf("list = %+v", *all)
				}
				wantVPS(t, &(*all)[0])
				if (*all)[0].Options.Reported {
					t.Error("a list entry's absent options read as reported")
				}
			}},
		{name: "sizes as strings, with primaryIp", body: `{"data":[{"id":"vps_01hxa3b4c5d6e7f8g9h0j1k2n1","hostname":"vps1.example.com",` +
			`"plan":{"productSlug":"vps-l"},"specs":{"cpu":"4","ramMb":"8192","diskGb":"160","bandwidthGb":"4000"},` +
			`"primaryIp":"203.0.113.10"}],"hasMore":false}`,
			check: func(t *testing.T, all *[]VPS) {
				wantVPS(t, &(*all)[0])
				if (*all)[0].PrimaryIP != "203.0.113.10" {
					t.Errorf("primaryIp = %q", (*all)[0].PrimaryIP)
				}
			}},
	})
}

func TestDecodeVPSUpgradeOptions(t *testing.T) {
	get := func(ctx context.Context, c *Client) (*VPSUpgradeOptions, error) {
		return c.GetVPSUpgradeOptions(ctx, "vps_1")
	}
	runDecodeCases(t, get, []decodeCase[VPSUpgradeOptions]{
		{name: "documented fields: slugs, key, type, min", body: `{"availablePlans":["vps-s","vps-xl"],` +
			`"configurableOptions":[{"key":"backupSlots","type":"quantity","min":0},{"key":"ipv6","type":"boolean","min":"0"}]}`,
			check: func(t *testing.T, o *VPSUpgradeOptions) {
				if len(o.AvailablePlans) != 2 || o.AvailablePlans[1] != (UpgradeOption{ProductSlug: "vps-xl", Available: true}) ||
					len(o.ConfigurableOptions) != 2 || o.ConfigurableOptions[1].Key != "ipv6" || o.ConfigurableOptions[1].Type != OptionTypeBoolean ||
					o.ConfigurableOptions[0].CurrentReported || o.CurrentPlan.ProductSlug != "" || o.Actions.CanUpgrade.Reported {
					t.Errorf("options = %+v", o)
				}
			}},
		{name: "min in both types, max and current as strings", body: `{"availablePlans":[],"configurableOptions":[` +
			`{"key":"ipv4Count","type":"quantity","min":"1","max":"8","current":"2"},{"key":"bandwidthGb","type":"quantity","min":0,"max":10000,"current":1000}]}`,
			check: func(t *testing.T, o *VPSUpgradeOptions) {
				a, b := o.ConfigurableOptions[0], o.ConfigurableOptions[1]
				if a.Min != 1 || a.Max != 8 || a.Current != 2 || !a.CurrentReported || b.Min != 0 || b.Max != 10000 || b.Current != 1000 {
					t.Errorf("options = %+v", o.ConfigurableOptions)
				}
			}},
		{name: "current as a boolean and as 0", body: `{"configurableOptions":[{"key":"ipv6","type":"boolean","min":0,"current":true},` +
			`{"key":"backupSlots","type":"quantity","min":0,"current":0}]}`,
			check: func(t *testing.T, o *VPSUpgradeOptions) {
				a, b := o.ConfigurableOptions[0], o.ConfigurableOptions[1]
				if a.Current != 1 || !a.CurrentReported || b.Current != 0 || !b.CurrentReported {
					t.Errorf("options = %+v", o.ConfigurableOptions)
				}
			}},
		{name: "plans as objects, with what the simulator adds", body: `{"vpsId":"vps_1","hostname":"vps1.example.com","currencyCode":"SEK",` +
			`"actions":{"canUpgrade":{"allowed":true,"reason":null,"code":null}},` +
			`"currentPlan":{"productSlug":"vps-l","name":"VPS L","billing":{"amount":560,"currencyCode":"SEK","billingCycle":"monthly"}},` +
			`"availablePlans":[{"productSlug":"vps-s","name":"VPS S","type":"downgrade","billing":{"amount":200},"available":false,"reason":"Sold out"}],` +
			`"configurableOptions":[]}`,
			check: func(t *testing.T, o *VPSUpgradeOptions) {
				p := o.AvailablePlans[0]
				if o.CurrentPlan.ProductSlug != "vps-l" || !o.Actions.CanUpgrade.Reported || !o.Actions.CanUpgrade.Allowed ||
					p.Available || p.Type != OptionTypeDowngrade || p.Reason == nil || *p.Reason != "Sold out" {
					t.Errorf("options = %+v", o)
				}
			}},
	})
}

// vpsChangeCases serve the plan and the option route: HostUp documents one
// answer for both.
func vpsChangeCases() []decodeCase[VPSChangeResult] {
	return []decodeCase[VPSChangeResult]{
		{name: "documented fields, dry run", body: `{"dryRun":true,"priceChange":{"amount":167.14,"recurringAmount":740,` +
			`"additionalRecurringAmount":180,"currencyCode":"SEK"},"paymentInvoice":null,"actions":{"canCommit":{"allowed":true,"reason":null,"code":null}}}`,
			check: func(t *testing.T, r *VPSChangeResult) {
				if !r.DryRun || r.PaymentInvoice != nil || !r.Actions.CanCommit.Reported || !r.Actions.CanCommit.Allowed ||
					r.OrderID != nil || r.NewPlan != nil || r.CurrentPlan != nil || r.PriceChange.BillingCycle != "" {
					t.Errorf("change = %+v", r)
				}
				wantAmount(t, "priceChange.amount", r.PriceChange.Amount, "167.14")
				wantAmount(t, "priceChange.recurringAmount", r.PriceChange.RecurringAmount, "740")
				wantAmount(t, "priceChange.additionalRecurringAmount", r.PriceChange.AdditionalRecurringAmount, "180")
			}},
		{name: "documented fields, commit", body: `{"dryRun":false,"priceChange":{"amount":167.14,"recurringAmount":740,` +
			`"additionalRecurringAmount":180,"currencyCode":"SEK"},"paymentInvoice":{"id":"inv_1","number":"202600003","amount":167.14,` +
			`"currencyCode":"SEK","dueAt":"2026-02-24T00:00:00.000Z","status":"unpaid","paymentUrl":"/billing?invoice=202600003"},` +
			`"actions":{"canCommit":{"allowed":true,"reason":null,"code":null}}}`,
			check: func(t *testing.T, r *VPSChangeResult) {
				if r.DryRun || r.PaymentInvoice == nil || r.PaymentInvoice.Number != "202600003" || r.OrderID != nil {
					t.Errorf("change = %+v", r)
				}
				wantAmount(t, "paymentInvoice.amount", r.PaymentInvoice.Amount, "167.14")
			}},
		{name: "invoice number as a number, without actions", body: `{"dryRun":false,"priceChange":{"amount":1,"recurringAmount":2,` +
			`"additionalRecurringAmount":1},"paymentInvoice":{"id":"inv_1","number":202600003,"amount":1}}`,
			check: func(t *testing.T, r *VPSChangeResult) {
				if r.PaymentInvoice.Number != "202600003" || r.Actions.CanCommit.Reported {
					t.Errorf("change = %+v", r)
				}
			}},
		{name: "with what the simulator adds", body: `{"dryRun":true,"vpsId":"vps_1","currentPlan":{"productSlug":"vps-l","name":"VPS L"},` +
			`"newPlan":{"productSlug":"vps-xl","name":"VPS XL"},"priceChange":{"amount":1,"recurringAmount":2,"additionalRecurringAmount":1,` +
			`"currencyCode":"SEK","billingCycle":"monthly"},"orderId":null}`,
			check: func(t *testing.T, r *VPSChangeResult) {
				if r.NewPlan == nil || r.NewPlan.ProductSlug != "vps-xl" || r.PriceChange.BillingCycle != "monthly" {
					t.Errorf("change = %+v", r)
				}
			}},
		{name: "without priceChange.amount", body: `{"dryRun":true,"priceChange":{"recurringAmount":740,"additionalRecurringAmount":180}}`,
			refused: "priceChange.amount"},
		{name: "without priceChange.recurringAmount", body: `{"dryRun":false,"priceChange":{"amount":1,"additionalRecurringAmount":180}}`,
			refused: "priceChange.recurringAmount"},
		{name: "without paymentInvoice.amount", body: `{"dryRun":false,"priceChange":{"amount":1,"recurringAmount":2,"additionalRecurringAmount":1},` +
			`"paymentInvoice":{"id":"inv_1"}}`, refused: "paymentInvoice.amount"},
	}
}

func TestDecodeVPSPlanChange(t *testing.T) {
	ch := VPSPlanChange{ProductSlug: "vps-xl"}
	cases := vpsChangeCases()
	cases = append(cases, decodeCase[VPSChangeResult]{name: "a plan change without additionalRecurringAmount",
		body: `{"dryRun":true,"priceChange":{"amount":1,"recurringAmount":2}}`,
		check: func(t *testing.T, r *VPSChangeResult) {
			wantUnset(t, "priceChange.additionalRecurringAmount", r.PriceChange.AdditionalRecurringAmount)
		}})
	runDecodeCases(t, func(ctx context.Context, c *Client) (*VPSChangeResult, error) {
		return c.PreviewVPSPlanChange(ctx, "vps_1", ch)
	}, cases)
	runDecodeCases(t, func(ctx context.Context, c *Client) (*VPSChangeResult, error) {
		return c.ChangeVPSPlan(ctx, "vps_1", ch)
	}, cases)
}

// An option change tells a downgrade by its additional recurring amount,
// so that amount decides money there.
func TestDecodeVPSConfigChange(t *testing.T) {
	ch := VPSConfigChange{Resources: map[string]int64{"backupSlots": 2}}
	cases := vpsChangeCases()
	cases = append(cases, decodeCase[VPSChangeResult]{name: "without priceChange.additionalRecurringAmount",
		body: `{"dryRun":true,"priceChange":{"amount":1,"recurringAmount":2}}`, refused: "priceChange.additionalRecurringAmount"})
	runDecodeCases(t, func(ctx context.Context, c *Client) (*VPSChangeResult, error) {
		return c.PreviewVPSConfig(ctx, "vps_1", ch)
	}, cases)
	runDecodeCases(t, func(ctx context.Context, c *Client) (*VPSChangeResult, error) {
		return c.ChangeVPSConfig(ctx, "vps_1", ch)
	}, cases)
}
