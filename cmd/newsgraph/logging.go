package main

import (
	"fmt"
	"io"
	"log/slog"

	"github.com/newsgraph/newsgraph/reqlog"
)

// logFlags configure the structured logs written to standard error.
type logFlags struct {
	Level  string `default:"info" enum:"debug,info,warn,error" env:"NEWSGRAPH_LOG_LEVEL" help:"Minimum log level: ${enum}."`
	Format string `default:"text" enum:"text,json" env:"NEWSGRAPH_LOG_FORMAT" help:"Log format: ${enum}."`
}

func (f logFlags) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(f.Level)); err != nil {
		return nil, fmt.Errorf("log level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	var h slog.Handler = slog.NewTextHandler(w, opts)
	if f.Format == "json" {
		h = slog.NewJSONHandler(w, opts)
	}
	// Records logged with a request's context carry its id.
	return slog.New(reqlog.Handler(h)), nil
}
