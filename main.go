// Command terraform-provider-hostup is the HostUp Terraform provider.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"runtime/debug"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/hostup/terraform-provider-hostup/internal/provider"
)

// version is set at build time: -ldflags "-X main.version=1.2.3" (goreleaser
// does this from the tag).
var version = "dev"

// gcPercent replaces Go's default GOGC of 100. The provider's live heap is a
// few MB, while each resource it plans makes short-lived garbage in
// terraform-plugin-framework's schema and value conversions: at the default,
// collection took about a fifth of the provider's CPU in a 500-resource plan.
// The memory limit keeps the larger garbage allowance from growing the heap
// without bound. GOGC and GOMEMLIMIT in the environment still win.
const (
	gcPercent   = 400
	memoryLimit = 512 << 20
)

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	var debugMode bool
	flag.BoolVar(&debugMode, "debug", false, "run with support for debuggers like delve (prints TF_REATTACH_PROVIDERS)")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address:         "registry.terraform.io/hostup/hostup",
		Debug:           debugMode,
		ProtocolVersion: 6,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
