package client

import (
	"context"
	"iter"
	"net/url"
)

// VPSFilter narrows the VPS list. Empty fields do not filter.
type VPSFilter struct {
	// Name matches the hostname. HostUp does not document how; the
	// simulator matches any part of it, ignoring case.
	Name string
	// PrimaryIP matches the server's primary address exactly.
	PrimaryIP string
}

func (f VPSFilter) query() url.Values {
	q := url.Values{}
	if f.Name != "" {
		q.Set("name", f.Name)
	}
	if f.PrimaryIP != "" {
		q.Set("primaryIp", f.PrimaryIP)
	}
	return q
}

// VPSPage is one page of the VPS list.
type VPSPage = Page[VPS]

// VPSes iterates over the v2 VPSes that match f (GET /api/v2/vps), reading
// one page at a time as the loop asks for more: a loop that stops early
// sends no further request. An error is yielded once, after the servers
// already read, and ends the sequence. List entries carry no options
// (Options.Reported is false).
func (c *Client) VPSes(ctx context.Context, f VPSFilter) iter.Seq2[VPS, error] {
	return listItems[VPS](ctx, c, "/api/v2/vps", f.query(), "VPS")
}

// ListVPSes reads every v2 VPS that matches f, following the cursor with the
// protections of ListSharedHostingAccounts.
func (c *Client) ListVPSes(ctx context.Context, f VPSFilter) ([]VPS, error) {
	return collect(c.VPSes(ctx, f))
}
