//go:build tools

// Package httppeer pins terraform-provider-http v1.2.0, the peer that
// `make bench-scale` measures the provider against: a provider that does one
// GET per data source and nothing else. It is a module of its own so that its
// old SDK v1 dependencies stay out of the provider's and OpenTofu's graphs.
package httppeer

import _ "github.com/terraform-providers/terraform-provider-http"
