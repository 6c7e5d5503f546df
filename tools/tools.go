//go:build tools

// Package tools pins the command-line tools the project builds from source:
// the OpenTofu CLI that drives acceptance tests and the demo, and tfplugindocs
// for docs/. They live in their own module so that none of their dependencies
// leak into the provider's go.mod.
package tools

import (
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
	_ "github.com/opentofu/opentofu/cmd/tofu"
)
