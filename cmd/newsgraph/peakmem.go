package main

import (
	"os"
	"strconv"
	"strings"
)

// peakResident returns the most memory the process has held resident, from
// /proc/self/status (VmHWM, what /usr/bin/time reports as maximum resident
// set size); ok is false where there is no such file.
func peakResident() (bytes int64, ok bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range strings.Lines(string(data)) {
		if rest, found := strings.CutPrefix(line, "VmHWM:"); found {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}
