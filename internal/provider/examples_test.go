package provider

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// examplesDir holds the configurations the docs are generated from and the
// demo runs; each directory is one workspace.
const examplesDir = "../../examples"

// TestAccExamples runs `fmt -check` and `validate` of the CLI under test
// over every example directory, with the provider binary the test builds
// installed by dev_overrides, so that an example that no longer matches the
// schema fails the suite. An import-*.tf file is one of several alternative
// import snippets for the docs (two import blocks for one resource would
// clash), so each is validated on its own beside the directory's other
// files; import-by-identity.tf needs a CLI that knows resource identity.
func TestAccExamples(t *testing.T) {
	cli := requireAccCLI(t)
	binDir := buildProviderBinary(t, "0.0.0-examples")

	dirs := exampleDirs(t)
	if len(dirs) == 0 {
		t.Fatalf("no example directory with .tf files under %s", examplesDir)
	}
	for _, dir := range dirs {
		name, err := filepath.Rel(examplesDir, dir)
		if err != nil {
			t.Fatal(err)
		}
		base, imports := exampleFiles(t, dir)
		t.Run(name, func(t *testing.T) {
			ws := newDevOverridesWorkspace(t, cli, binDir, dir, base)
			ws.mustRun("fmt", "-check", "-diff")
			ws.mustRun("validate")
		})
		for _, imp := range imports {
			t.Run(name+"/"+imp, func(t *testing.T) {
				if imp == "import-by-identity.tf" {
					skipBelowCLIVersion(t, cli, tfversion.Version1_12_0)
				}
				ws := newDevOverridesWorkspace(t, cli, binDir, dir, append([]string{imp}, base...))
				ws.mustRun("fmt", "-check", "-diff")
				ws.mustRun("validate")
			})
		}
	}
}

// requireAccCLI is the CLI named by TF_ACC_TERRAFORM_PATH, under the same
// rule as resource.Test: without TF_ACC the test is skipped (and `make test`
// fails on skipped tests).
func requireAccCLI(t testing.TB) string {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: run with TF_ACC=1 and TF_ACC_TERRAFORM_PATH (make testacc)")
	}
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the Terraform or OpenTofu binary")
	}
	return cli
}

// exampleDirs lists the directories under examplesDir that hold .tf files.
func exampleDirs(t testing.TB) []string {
	t.Helper()
	seen := map[string]bool{}
	err := filepath.WalkDir(examplesDir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tf") {
			seen[filepath.Dir(path)] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	dirs := make([]string, 0, len(seen))
	for d := range seen {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	return dirs
}

// exampleFiles splits a directory's .tf files into the ones that make up its
// workspace and the alternative import snippets.
func exampleFiles(t testing.TB, dir string) (base, imports []string) {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range matches {
		if f := filepath.Base(m); strings.HasPrefix(f, "import-") {
			imports = append(imports, f)
		} else {
			base = append(base, f)
		}
	}
	return base, imports
}

// newDevOverridesWorkspace copies files of dir into a scratch workspace
// whose CLI configuration installs the provider from binDir by
// dev_overrides. No init: the CLI needs none for overridden providers, and
// init would look the provider up on a registry.
func newDevOverridesWorkspace(t testing.TB, cli, binDir, dir string, files []string) *cliWorkspace {
	t.Helper()
	w := &cliWorkspace{t: t, dir: t.TempDir(), tofu: cli}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(w.dir, f), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	rc := filepath.Join(t.TempDir(), "cli.tfrc")
	if err := os.WriteFile(rc, []byte(devOverridesConfig(binDir)), 0o600); err != nil {
		t.Fatal(err)
	}
	w.env = append(cliEnviron(), "TF_CLI_CONFIG_FILE="+rc)
	return w
}

// devOverridesConfig sends every address a configuration may name this
// provider by to binDir: "hostup/hostup" (the examples' source) and the
// implied "hashicorp/hostup" (a file without required_providers), each on
// the registry host of either CLI, since a source without a host means the
// CLI's own registry. Nothing else may be installed: no registry is reached.
func devOverridesConfig(binDir string) string {
	var b strings.Builder
	b.WriteString("provider_installation {\n  dev_overrides {\n")
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		for _, ns := range []string{"hostup", "hashicorp"} {
			fmt.Fprintf(&b, "    %q = %q\n", host+"/"+ns+"/hostup", binDir)
		}
	}
	b.WriteString("  }\n}\n")
	return b.String()
}

// builtProviders caches provider binaries by version for the test process:
// linking one takes seconds, and the package's build cache is warm.
var builtProviders struct {
	sync.Mutex
	dirs map[string]string
}

// buildProviderBinary builds the provider (the module's main package) with
// main.version set by -ldflags as the release build sets it, and returns the
// directory that holds it, for dev_overrides.
func buildProviderBinary(t testing.TB, version string) string {
	t.Helper()
	builtProviders.Lock()
	defer builtProviders.Unlock()
	if dir, ok := builtProviders.dirs[version]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "hostup-provider-")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "terraform-provider-hostup")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command("go", "build", "-ldflags", "-X main.version="+version, "-o", bin, "../..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build of the provider: %v\n%s", err, out)
	}
	if builtProviders.dirs == nil {
		builtProviders.dirs = map[string]string{}
	}
	builtProviders.dirs[version] = dir
	return dir
}

// removeBuiltProviders deletes what buildProviderBinary built; TestMain
// calls it once every test has run.
func removeBuiltProviders() {
	builtProviders.Lock()
	defer builtProviders.Unlock()
	for _, dir := range builtProviders.dirs {
		_ = os.RemoveAll(dir)
	}
}
