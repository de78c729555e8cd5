package auth

import (
	"context"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"time"
)

// Watch keeps a KeySet made by LoadKeySet current until ctx ends: it
// reloads the keys when the key file changes (checked every interval; 0
// disables checking) and when the process receives one of signals (such as
// SIGHUP). Reload errors are logged and the keys loaded before stay in
// force. Watch blocks; run it in its own goroutine.
func (k *KeySet) Watch(ctx context.Context, interval time.Duration, logger *slog.Logger, signals ...os.Signal) {
	var tick <-chan time.Time
	if interval > 0 && k.file != "" {
		t := time.NewTicker(interval)
		defer t.Stop()
		tick = t.C
	}
	var sig chan os.Signal
	if len(signals) > 0 {
		sig = make(chan os.Signal, 1)
		signal.Notify(sig, signals...)
		defer signal.Stop(sig)
	}
	// failed is the file state whose reload failed, not to retry it (and
	// log the failure) on every tick.
	var failed fs.FileInfo
	reload := func(reason string) {
		if err := k.Reload(); err != nil {
			failed = statFile(k.file)
			logger.Error("reload API keys failed; keeping the previous keys", "reason", reason, "err", err)
			return
		}
		failed = nil
		logger.Info("API keys reloaded", "reason", reason, "keys", k.Len())
	}
	for {
		select {
		case <-ctx.Done():
			return
		case s := <-sig:
			reload("signal " + s.String())
		case <-tick:
			cur := statFile(k.file)
			if changed(k.fileInfo.Load().FileInfo, cur) && (failed == nil || changed(failed, cur)) {
				reload("key file changed")
			}
		}
	}
}

// statFile returns the file's info, or nil when it does not exist.
func statFile(path string) fs.FileInfo {
	if path == "" {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	return fi
}

// changed reports whether a file was created, removed, replaced or
// modified between two stats.
func changed(before, after fs.FileInfo) bool {
	if before == nil || after == nil {
		return (before == nil) != (after == nil)
	}
	return !os.SameFile(before, after) || !before.ModTime().Equal(after.ModTime()) || before.Size() != after.Size()
}
