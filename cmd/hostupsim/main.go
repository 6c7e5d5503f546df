// Command hostupsim serves the HostUp API simulator on loopback, seeded with
// the demo dataset, for the demo and CLI-driven scenario tests.
//
//	hostupsim [-listen 127.0.0.1:0] [-admin-listen 127.0.0.1:0] [-env-file PATH] [-latency 20ms] [-lean]
//
// -lean starts it in lean mode: every answer carries only the fields HostUp
// documents, with the other JSON type wherever two are allowed, as a real
// service that sends no more than its contract could. The admin API's
// POST /admin/lean turns it on and off while it runs.
//
// It prints the API URL, the admin URL and the demo API key. With -env-file it
// writes HOSTUP_ENDPOINT, HOSTUP_API_KEY and HOSTUP_SIM_ADMIN to PATH once both
// listeners accept connections, atomically, so a script can wait for the file
// to appear; the file is removed again on exit. SIGINT or SIGTERM stops it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "hostupsim:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("hostupsim", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:0", "loopback `address` for the API")
	adminListen := fs.String("admin-listen", "127.0.0.1:0", "loopback `address` for the admin API")
	envFile := fs.String("env-file", "", "write HOSTUP_* variables to this `file` once serving")
	latency := fs.Duration("latency", 0, "delay every answer by this `duration` (e.g. 20ms), as a distant API would")
	lean := fs.Bool("lean", false, "answer with documented fields only, in the other JSON type where two are allowed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}

	sim := hostupsim.New()
	seed := sim.SeedDemo()
	sim.SetLatency(*latency)
	sim.SetLean(*lean)

	apiLn, err := listenLoopback(ctx, *listen)
	if err != nil {
		return fmt.Errorf("-listen: %w", err)
	}
	adminLn, err := listenLoopback(ctx, *adminListen)
	if err != nil {
		_ = apiLn.Close()
		return fmt.Errorf("-admin-listen: %w", err)
	}
	servers := []*http.Server{
		{Handler: sim, ReadHeaderTimeout: 10 * time.Second},
		{Handler: sim.AdminHandler(), ReadHeaderTimeout: 10 * time.Second},
	}
	errc := make(chan error, len(servers))
	for i, ln := range []net.Listener{apiLn, adminLn} {
		go func() { errc <- servers[i].Serve(ln) }()
	}

	apiURL, adminURL := "http://"+apiLn.Addr().String(), "http://"+adminLn.Addr().String()
	fmt.Fprintf(stdout, "HostUp API simulator: %s\nadmin API:            %s\ndemo API key:         %s\n", apiURL, adminURL, seed.APIKey)
	if *envFile != "" {
		env := fmt.Sprintf("HOSTUP_ENDPOINT=%s\nHOSTUP_API_KEY=%s\nHOSTUP_SIM_ADMIN=%s\n", apiURL, seed.APIKey, adminURL)
		if err := writeFileAtomic(*envFile, env); err != nil {
			err = fmt.Errorf("-env-file: %w", err)
			return errors.Join(err, shutdown(servers))
		}
		// A stale file would point a script at a dead port.
		defer func() { _ = os.Remove(*envFile) }()
	}

	select {
	case <-ctx.Done():
		return shutdown(servers)
	case err := <-errc:
		return errors.Join(err, shutdown(servers))
	}
}

// listenLoopback listens on addr, which must name a loopback host: the
// simulator accepts any key and its admin API rewrites state, so it must not
// be reachable from other machines.
func listenLoopback(ctx context.Context, addr string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("refusing to listen on %q: only loopback addresses (127.0.0.1, [::1], localhost) are allowed", addr)
	}
	var lc net.ListenConfig
	return lc.Listen(ctx, "tcp", addr)
}

// writeFileAtomic writes content to a temporary file next to path and renames
// it into place, so a reader never sees a partial file.
func writeFileAtomic(path, content string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".hostupsim-env-*")
	if err != nil {
		return err
	}
	defer func() { _ = os.Remove(tmp.Name()) }() // no-op after a successful rename
	if _, err := tmp.WriteString(content); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func shutdown(servers []*http.Server) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var errs []error
	for _, srv := range servers {
		if err := srv.Shutdown(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
