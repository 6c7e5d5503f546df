package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// What the data sources' acceptance tests share: each step is a
// configuration and the checks of the state it reads.

// stateChecks are the checks of one step.
type stateChecks = []statecheck.StateCheck

// testDataSource runs the steps against the provider served in-process, in
// parallel with other tests.
func testDataSource(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: testAccProtoV6ProviderFactories, Steps: steps})
}

// stateValue checks the value address holds at path: an attribute name,
// then attribute names and map keys (strings) and list indexes (ints).
func stateValue(address string, check knownvalue.Check, path ...any) statecheck.StateCheck {
	p := tfjsonpath.New(path[0].(string))
	for _, step := range path[1:] {
		switch s := step.(type) {
		case int:
			p = p.AtSliceIndex(s)
		case string:
			p = p.AtMapKey(s)
		}
	}
	return statecheck.ExpectKnownValue(address, p, check)
}

// Every data source is named by the base it embeds, and its page lists the
// scopes its key needs.
func TestDataSourceTypeNames(t *testing.T) {
	seen := map[string]bool{}
	for _, newDataSource := range New("test")().DataSources(context.Background()) {
		var resp datasource.MetadataResponse
		newDataSource().Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "hostup"}, &resp)
		name := resp.TypeName
		if !strings.HasPrefix(name, "hostup_") || strings.HasPrefix(name, "hostup__") || seen[name] {
			t.Errorf("data source type name %q", name)
		}
		seen[name] = true
		if len(apiScopes[name]) == 0 {
			t.Errorf("%s has no API key scopes documented", name)
		}
	}
	if len(seen) != 6 {
		t.Errorf("%d data sources, want 6: %v", len(seen), seen)
	}
}
