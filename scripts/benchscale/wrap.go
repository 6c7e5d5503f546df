package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

// procStats is what one provider process used, as the wrapper reports it.
type procStats struct {
	UserNS int64 `json:"user_ns"`
	SysNS  int64 `json:"sys_ns"`
	MaxRSS int64 `json:"max_rss_kb"`
}

// wrap runs a provider binary with OpenTofu's stdio and environment, then
// records its rusage.
func wrap(statsFile, binary string, args []string) int {
	cmd := exec.CommandContext(context.Background(), binary, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "benchscale wrap:", err)
		return 1
	}
	go func() {
		for s := range sigs {
			_ = cmd.Process.Signal(s)
		}
	}()
	_ = cmd.Wait()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		line, _ := json.Marshal(procStats{UserNS: ru.Utime.Nano(), SysNS: ru.Stime.Nano(), MaxRSS: ru.Maxrss})
		if f, err := os.OpenFile(statsFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
			_, _ = f.Write(append(line, '\n'))
			_ = f.Close()
		}
	}
	return cmd.ProcessState.ExitCode()
}

func readStats(path string) []procStats {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []procStats
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var p procStats
		if json.Unmarshal(sc.Bytes(), &p) == nil {
			out = append(out, p)
		}
	}
	return out
}
