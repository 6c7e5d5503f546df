package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRunWritesEnvFileAndServes(t *testing.T) {
	envFile := filepath.Join(t.TempDir(), "sim.env")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-env-file", envFile}, io.Discard) }()

	env := waitForEnv(t, envFile, done)
	get := func(url string, header ...string) int {
		req, _ := http.NewRequestWithContext(t.Context(), "GET", url, nil)
		if len(header) == 2 {
			req.Header.Set(header[0], header[1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := get(env["HOSTUP_ENDPOINT"]+"/api/hosting/20000/billing-cycle", "X-API-Key", env["HOSTUP_API_KEY"]); s != 200 {
		t.Errorf("API answered %d", s)
	}
	if s := get(env["HOSTUP_SIM_ADMIN"] + "/admin/counts"); s != 200 {
		t.Errorf("admin answered %d", s)
	}
	if s := get(env["HOSTUP_ENDPOINT"] + "/admin/counts"); s != 404 {
		t.Errorf("admin API reachable on the API port: %d", s)
	}

	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	if _, err := os.Stat(envFile); !os.IsNotExist(err) {
		t.Errorf("env file left behind: %v", err)
	}
}

func TestRunLean(t *testing.T) {
	envFile := filepath.Join(t.TempDir(), "sim.env")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-lean", "-env-file", envFile}, io.Discard) }()
	env := waitForEnv(t, envFile, done)

	req, _ := http.NewRequestWithContext(t.Context(), "GET", env["HOSTUP_ENDPOINT"]+"/api/vm/10000/details", nil)
	req.Header.Set("X-API-Key", env["HOSTUP_API_KEY"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `"cpu":"4"`) {
		t.Errorf("-lean: details = %s, want cpu as a string", body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
}

func waitForEnv(t *testing.T, path string, done <-chan error) map[string]string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("run returned early: %v", err)
		default:
		}
		f, err := os.Open(path)
		if err != nil {
			time.Sleep(10 * time.Millisecond)
			continue
		}
		defer f.Close()
		env := map[string]string{}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, _ := strings.Cut(sc.Text(), "=")
			env[k] = v
		}
		if env["HOSTUP_API_KEY"] != "hostup-demo-key" || !strings.HasPrefix(env["HOSTUP_ENDPOINT"], "http://127.0.0.1:") {
			t.Fatalf("env file = %v", env)
		}
		return env
	}
	t.Fatal("env file never appeared")
	return nil
}

func TestRunRefusesNonLoopback(t *testing.T) {
	for _, args := range [][]string{{"-listen", "0.0.0.0:0"}, {"-admin-listen", ":0"}, {"-listen", "192.0.2.1:80"}} {
		err := run(context.Background(), args, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("run(%v) = %v, want a loopback error", args, err)
		}
	}
}
