package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-sdk/v2/plugin"
)

// cliProviderAddress is where the CLI looks for a provider named "hostup"
// without a required_providers block: hashicorp/hostup on the CLI's default
// registry, which TF_ACC_PROVIDER_HOST names as for terraform-plugin-testing
// (registry.opentofu.org for OpenTofu, registry.terraform.io for Terraform).
func cliProviderAddress() string {
	host := os.Getenv("TF_ACC_PROVIDER_HOST")
	if host == "" {
		host = "registry.terraform.io"
	}
	return host + "/hashicorp/hostup"
}

// cliWorkspace runs the real OpenTofu CLI (TF_ACC_TERRAFORM_PATH, i.e.
// bin/tofu) in a scratch directory, against this provider served in-process.
// It covers what terraform-plugin-testing cannot express: warnings in the
// CLI's output, and a saved plan applied after the world changed.
type cliWorkspace struct {
	t    testing.TB
	dir  string
	tofu string
	env  []string
}

func newCLIWorkspace(t testing.TB, config string) *cliWorkspace {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		// Same rule as resource.Test; `make test` fails on skipped tests.
		t.Skip("acceptance test: run with TF_ACC=1 and TF_ACC_TERRAFORM_PATH (make testacc)")
	}
	tofu := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tofu == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the OpenTofu binary (make tofu builds bin/tofu)")
	}

	ctx, cancel := context.WithCancel(context.Background())
	reattach, closed, err := plugin.DebugServe(ctx, &plugin.ServeOpts{
		GRPCProviderV6Func:  func() tfprotov6.ProviderServer { return providerserver.NewProtocol6(New("test")())() },
		Logger:              hclog.New(&hclog.LoggerOptions{Output: io.Discard}),
		NoLogOutputOverride: true,
		// Provider logs go where terraform-plugin-testing sends them (TF_LOG
		// and TF_ACC_LOG_PATH), not onto the test's stderr.
		UseTFLogSink: logSink{t},
		ProviderAddr: cliProviderAddress(),
	})
	if err != nil {
		cancel()
		t.Fatalf("serving the provider: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		<-closed
	})
	reattachJSON, err := json.Marshal(map[string]plugin.ReattachConfig{cliProviderAddress(): reattach})
	if err != nil {
		t.Fatal(err)
	}

	w := &cliWorkspace{t: t, dir: t.TempDir(), tofu: tofu}
	w.env = append(cliEnviron(), "TF_REATTACH_PROVIDERS="+string(reattachJSON))
	w.writeConfig(config)
	w.mustRun("init", "-input=false")
	return w
}

// cliEnviron is the test's environment for a CLI run, less what must not
// reach the CLI: the machine's TF_CLI_CONFIG_FILE may name a missing file,
// and TF_LOG output would bury the messages under test.
func cliEnviron() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TF_CLI_CONFIG_FILE=") && !strings.HasPrefix(kv, "TF_LOG") {
			env = append(env, kv)
		}
	}
	return append(env, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
}

// skipBelowCLIVersion skips a CLI-driven test that needs a newer CLI than
// the one TF_ACC_TERRAFORM_PATH names, in the words of terraform-plugin-
// testing's tfversion.SkipBelow, so that a test log reads the same for both
// kinds of test and scripts/check-test-log.sh can tell this skip from others.
func skipBelowCLIVersion(t testing.TB, cli string, minimum *version.Version) {
	t.Helper()
	have, err := version.NewVersion(cliVersion(t, cli))
	if err != nil {
		t.Fatal(err)
	}
	if have.LessThan(minimum) {
		t.Skipf("Terraform CLI version %s is below minimum version %s: skipping test", have, minimum)
	}
}

// cliVersion is the version the CLI reports to providers (as
// TerraformVersion in ConfigureProvider): its own version, e.g. "1.11.4".
func cliVersion(t testing.TB, cli string) string {
	t.Helper()
	cmd := exec.Command(cli, "version", "-json")
	cmd.Env = cliEnviron()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s version -json: %v", cli, err)
	}
	var v struct {
		TerraformVersion string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil || v.TerraformVersion == "" {
		t.Fatalf("%s version -json: %v\n%s", cli, err, out)
	}
	return strings.TrimSpace(v.TerraformVersion)
}

// logSink lets benchmarks, too, be the provider's tflog sink, which wants
// the whole of *testing.T.
type logSink struct{ testing.TB }

func (logSink) Parallel() {}

func (w *cliWorkspace) writeConfig(config string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(config), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

// run runs one tofu command and returns its combined output.
func (w *cliWorkspace) run(args ...string) (string, error) {
	w.t.Helper()
	args = withNoColor(args)
	cmd := exec.Command(w.tofu, args...)
	cmd.Dir = w.dir
	cmd.Env = w.env
	out, err := cmd.CombinedOutput()
	return fmt.Sprintf("$ tofu %s\n%s", strings.Join(args, " "), out), err
}

func (w *cliWorkspace) mustRun(args ...string) string {
	w.t.Helper()
	out, err := w.run(args...)
	if err != nil {
		w.t.Fatalf("%s\n%v", out, err)
	}
	return out
}

func (w *cliWorkspace) mustFail(args ...string) string {
	w.t.Helper()
	out, err := w.run(args...)
	if err == nil {
		w.t.Fatalf("%s\nsucceeded, want a failure", out)
	}
	return out
}

// expectOutput fails the test unless out contains each fragment in order,
// white space folded (the CLI wraps long lines).
func expectOutput(t testing.TB, out string, fragments ...string) {
	t.Helper()
	if !expectError(fragments...).MatchString(out) {
		t.Errorf("output lacks %q in that order:\n%s", fragments, out)
	}
}

// withNoColor adds -no-color after the (sub)command: "state show" takes it
// after "show".
func withNoColor(args []string) []string {
	n := 1
	if args[0] == "state" && len(args) > 1 {
		n = 2
	}
	return append(args[:n:n], append([]string{"-no-color"}, args[n:]...)...)
}

// tracedRun is a CLI workspace whose runs log at TF_LOG=trace: the CLI to one
// file and the in-process provider to another. The API key comes from
// HOSTUP_API_KEY, as users are told to pass it, so that the configuration
// (and the plan that records it) holds none.
type tracedRun struct {
	*cliWorkspace
	cliLog, providerLog string
}

// newTracedRun serves config (a provider block without api_key) with apiKey
// in the environment. The provider runs in this process: its tflog sink
// writes where TF_LOG and TF_ACC_LOG_PATH of this process say.
func newTracedRun(t *testing.T, config, apiKey string) *tracedRun {
	t.Helper()
	dir := t.TempDir()
	r := &tracedRun{cliLog: filepath.Join(dir, "cli-trace.log"), providerLog: filepath.Join(dir, "provider-trace.log")}
	t.Setenv("TF_LOG", "trace")
	t.Setenv("TF_ACC_LOG_PATH", r.providerLog)
	t.Setenv(envAPIKey, apiKey)
	r.cliWorkspace = newCLIWorkspace(t, config)
	r.env = append(r.env, "TF_LOG=trace", "TF_LOG_PATH="+r.cliLog)
	return r
}

// expectNoSecrets fails the test if any secret appears in the logs, the
// state, or the given extra texts (such as plan JSON). It first checks that
// the logs hold the provider's request lines, without which it proves nothing.
func (r *tracedRun) expectNoSecrets(extra map[string]string, secrets ...string) {
	r.t.Helper()
	texts := map[string]string{}
	for name, text := range extra {
		texts[name] = text
	}
	for name, file := range map[string]string{"state": filepath.Join(r.dir, "terraform.tfstate"), "CLI trace log": r.cliLog, "provider log": r.providerLog} {
		b, err := os.ReadFile(file)
		if err != nil {
			r.t.Fatal(err)
		}
		texts[name] = string(b)
	}
	if !strings.Contains(texts["provider log"], "HostUp API request") || !strings.Contains(texts["CLI trace log"], "PlanResourceChange") {
		r.t.Fatal("the logs lack the provider's request lines: the check would prove nothing")
	}
	for name, text := range texts {
		for _, secret := range secrets {
			if strings.Contains(text, secret) {
				r.t.Errorf("the %s contains %q", name, secret)
			}
		}
	}
}
