package client_test

import (
	"context"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// Benchmarks print figures (make bench); they never assert times.

// One price preview, as ModifyPlan asks for it: request building, loopback
// HTTP to the simulator, decoding with exact amounts.
func BenchmarkPreviewSharedHostingUpgrade(b *testing.B) {
	c, _, seed := newSimClient(b)
	up := client.SharedHostingUpgrade{ProductSlug: "webbhotell-business"}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.PreviewSharedHostingUpgrade(ctx, seed.AccountV2ID, up); err != nil {
			b.Fatal(err)
		}
	}
}

// One v1 read: the envelope is decoded, then its data.
func BenchmarkGetHostingBillingCycle(b *testing.B) {
	c, _, seed := newSimClient(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.GetHostingBillingCycle(ctx, seed.AccountV1ID); err != nil {
			b.Fatal(err)
		}
	}
}
