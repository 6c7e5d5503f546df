package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// workspace is one scratch directory.
type workspace struct {
	b   *bench
	dir string
}

func (b *bench) workspace(name, config string) (*workspace, error) {
	w := &workspace{b: b, dir: filepath.Join(b.dir, name)}
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		return nil, err
	}
	if err := w.write(config); err != nil {
		return nil, err
	}
	_, err := w.run("init", "-input=false")
	return w, err
}

func (w *workspace) write(config string) error {
	return os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(config), 0o644)
}

func (w *workspace) run(args ...string) (measured, error) {
	_ = os.Remove(w.b.stats)
	cmd := exec.CommandContext(context.Background(), w.b.tofu, append(args, "-no-color")...)
	cmd.Dir = w.dir
	cmd.Env = append(filterEnv(os.Environ()), "TF_CLI_CONFIG_FILE="+w.b.cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	m := measured{wall: time.Since(start)}
	if err != nil {
		return m, fmt.Errorf("tofu %s in %s: %w\n%s", strings.Join(args, " "), w.dir, err, tail(out.String(), 3000))
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	for _, p := range readStats(w.b.stats) {
		m.provCPU += time.Duration(p.UserNS + p.SysNS)
		m.provRSS = max(m.provRSS, p.MaxRSS)
	}
	return m, nil
}

func filterEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "TF_") {
			out = append(out, kv)
		}
	}
	return out
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
