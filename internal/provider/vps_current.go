package provider

import (
	"context"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// vpsNow is what a VPS is on now.
type vpsNow struct {
	slug, name, cycle, hostname string
	options                     map[string]int64
}

// currentVPS is what VPS id is on now, with the options named in wanted:
// from its upgrade options where HostUp reports them there, else from the
// VPS itself, which reports them all.
func currentVPS(ctx context.Context, c *client.Client, id string, opts *client.VPSUpgradeOptions, wanted map[string]int64) (vpsNow, error) {
	cur := opts.CurrentPlan
	n := vpsNow{slug: cur.ProductSlug, name: cur.Name, cycle: cur.Billing.BillingCycle, hostname: opts.Hostname, options: map[string]int64{}}
	complete := n.slug != ""
	for _, o := range opts.ConfigurableOptions {
		if o.CurrentReported {
			n.options[o.Key] = int64(o.Current)
		}
	}
	for k := range wanted {
		_, reported := n.options[k]
		complete = complete && reported
	}
	if complete {
		return n, nil
	}
	v, err := c.GetVPS(ctx, id)
	if err != nil {
		return n, err
	}
	return vpsNow{slug: v.Plan.ProductSlug, name: v.Plan.Name, cycle: v.Billing.BillingCycle, hostname: v.Hostname,
		options: vpsOptionValues(v.Options)}, nil
}
