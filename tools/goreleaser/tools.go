//go:build tools

// Package goreleaser pins the release tool. It has a module of its own,
// apart from tools/, because its dependency graph overlaps OpenTofu's and a
// shared module would move OpenTofu's pinned dependencies.
package goreleaser

import (
	_ "github.com/goreleaser/goreleaser/v2"
)
