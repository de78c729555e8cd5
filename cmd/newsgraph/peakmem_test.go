package main

import (
	"runtime"
	"testing"
)

func TestPeakResident(t *testing.T) {
	peak, ok := peakResident()
	if runtime.GOOS != "linux" {
		t.Skip("VmHWM is Linux's")
	}
	if !ok || peak < 1<<20 {
		t.Errorf("peakResident() = %d, %v; want at least 1 MiB, true", peak, ok)
	}
}
