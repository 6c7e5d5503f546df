package provider

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// declaredListResources are the type names of the list resources the
// provider declares.
func declaredListResources(t testing.TB) []string {
	t.Helper()
	p, ok := New("test")().(provider.ProviderWithListResources)
	if !ok {
		t.Fatal("the provider declares no list resources")
	}
	var names []string
	for _, newListResource := range p.ListResources(context.Background()) {
		var resp resource.MetadataResponse
		newListResource().Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "hostup"}, &resp)
		names = append(names, resp.TypeName)
	}
	return names
}

// filesIn lists the names in dir that end in suffix, without it.
func filesIn(t testing.TB, dir, suffix string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), suffix); ok {
			names = append(names, name)
		}
	}
	return names
}

// tfplugindocs validate does not notice a list resource without a page:
// every list resource the provider declares has its template, its example
// and its rendered page (make generate), and no page or template names one
// it does not declare.
func TestListResourceDocs(t *testing.T) {
	declared := declaredListResources(t)
	var short []string
	for _, name := range declared {
		s := strings.TrimPrefix(name, "hostup_")
		short = append(short, s)
		page, err := os.ReadFile(filepath.Join("..", "..", "docs", "list-resources", s+".md"))
		if err != nil {
			t.Errorf("%s has no page (make generate renders it from templates/list-resources/%s.md.tmpl): %v", name, s, err)
		} else if !strings.Contains(string(page), "# "+name+" (List Resource)") {
			t.Errorf("docs/list-resources/%s.md is not %s's page", s, name)
		}
		if _, err := os.Stat(filepath.Join(examplesDir, "list-resources", name, "list-resource.tfquery.hcl")); err != nil {
			t.Errorf("%s has no example: %v", name, err)
		}
	}
	slices.Sort(short)
	for dir, suffix := range map[string]string{
		filepath.Join("..", "..", "docs", "list-resources"):      ".md",
		filepath.Join("..", "..", "templates", "list-resources"): ".md.tmpl",
	} {
		if got := filesIn(t, dir, suffix); !slices.Equal(got, short) {
			t.Errorf("%s holds %v, the provider declares list resources %v", dir, got, short)
		}
	}
}

// Each list resource's example is a valid query of the provider's schema,
// beside the provider example: `terraform validate -query`.
func TestAccQueryExamples(t *testing.T) {
	cli := requireAccCLI(t)
	skipBelowCLIVersion(t, cli, tfversion.Version1_14_0)
	binDir := buildProviderBinary(t, "0.0.0-examples")
	provider, err := os.ReadFile(filepath.Join(examplesDir, "provider", "provider.tf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range declaredListResources(t) {
		t.Run(name, func(t *testing.T) {
			ws := newDevOverridesWorkspace(t, cli, binDir, filepath.Join(examplesDir, "list-resources", name), []string{"list-resource.tfquery.hcl"})
			if err := os.WriteFile(filepath.Join(ws.dir, "provider.tf"), provider, 0o600); err != nil {
				t.Fatal(err)
			}
			ws.mustRun("fmt", "-check", "-diff", "list-resource.tfquery.hcl")
			ws.mustRun("validate", "-query")
		})
	}
}
