package main

import (
	"fmt"
	"io"
	"log/slog"
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
	if f.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return slog.New(slog.NewTextHandler(w, opts)), nil
}
