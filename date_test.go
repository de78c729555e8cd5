package newsgraph_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want newsgraph.Date
	}{
		{"2025-02-20", newsgraph.Date{Year: 2025, Month: time.February, Day: 20}},
		{"2024-02-29", newsgraph.Date{Year: 2024, Month: time.February, Day: 29}},
		{"0001-01-01", newsgraph.Date{Year: 1, Month: time.January, Day: 1}},
		{"9999-12-31", newsgraph.Date{Year: 9999, Month: time.December, Day: 31}},
		{"", newsgraph.Date{}},
	}
	for _, tt := range tests {
		got, err := newsgraph.ParseDate(tt.in)
		wantNoError(t, err)
		if got != tt.want {
			t.Errorf("ParseDate(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if got, want := got.String(), tt.in; got != want {
			t.Errorf("ParseDate(%q).String() = %q, want %q", tt.in, got, want)
		}
	}
}

func TestParseDateInvalid(t *testing.T) {
	for _, in := range []string{"2025-02-30", "2025-02-29", "2025-13-01", "2025-00-10", "2025-1-1", "25-01-01", "2025/01/01", "2025-01-01T00:00:00Z", " 2025-01-01", "x"} {
		_, err := newsgraph.ParseDate(in)
		wantErrorCode(t, err, newsgraph.Invalid, in, "YYYY-MM-DD")
	}
	// The year 0000 parses as a date but names no day anyone reported.
	_, err := newsgraph.ParseDate("0000-01-01")
	wantErrorCode(t, err, newsgraph.Invalid, "0000-01-01", "0001 or later")
}

func TestDateZero(t *testing.T) {
	var zero newsgraph.Date
	if got, want := zero.IsZero(), true; got != want {
		t.Errorf("zero.IsZero() = %v, want %v", got, want)
	}
	if got, want := zero.String(), ""; got != want {
		t.Errorf("zero.String() = %q, want %q", got, want)
	}
	if got, want := newsgraph.MustParseDate("2025-01-01").IsZero(), false; got != want {
		t.Errorf("2025-01-01 IsZero() = %v, want %v", got, want)
	}
}

func TestDateCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2025-02-20", "2025-02-20", 0},
		{"2025-02-19", "2025-02-20", -1},
		{"2025-02-20", "2025-02-19", 1},
		{"2025-01-31", "2025-02-01", -1},
		{"2024-12-31", "2025-01-01", -1},
		{"2026-01-01", "2025-12-31", 1},
	}
	for _, tt := range tests {
		a, b := newsgraph.MustParseDate(tt.a), newsgraph.MustParseDate(tt.b)
		if got, want := a.Compare(b), tt.want; got != want {
			t.Errorf("%s.Compare(%s) = %d, want %d", tt.a, tt.b, got, want)
		}
		if got, want := a.Compare(b), a.Time().Compare(b.Time()); got != want {
			t.Errorf("%s.Compare(%s) = %d, but times compare %d", tt.a, tt.b, got, want)
		}
	}
}

func TestDateOfAndTime(t *testing.T) {
	loc := time.FixedZone("UTC-6", -6*60*60)
	d := newsgraph.DateOf(time.Date(2025, time.March, 1, 23, 30, 0, 0, loc))
	if got, want := d.String(), "2025-03-01"; got != want {
		t.Errorf("DateOf(23:30 in UTC-6) = %s, want %s (the day in the time's own zone)", got, want)
	}
	if got, want := d.Time(), time.Date(2025, time.March, 1, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Time() = %v, want %v", got, want)
	}
}

func TestMustParseDatePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParseDate(\"2025-02-30\") did not panic")
		}
	}()
	newsgraph.MustParseDate("2025-02-30")
}

type dated struct {
	Name  string         `json:"name"`
	Start newsgraph.Date `json:"start,omitzero"`
	End   newsgraph.Date `json:"end,omitzero"`
}

func TestDateJSON(t *testing.T) {
	tests := []struct {
		value dated
		json  string
	}{
		{dated{Name: "a", Start: newsgraph.MustParseDate("2025-02-20")}, `{"name":"a","start":"2025-02-20"}`},
		{dated{Name: "b"}, `{"name":"b"}`},
		{dated{Name: "c", Start: newsgraph.MustParseDate("2025-01-01"), End: newsgraph.MustParseDate("2025-12-31")},
			`{"name":"c","start":"2025-01-01","end":"2025-12-31"}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.value)
		wantNoError(t, err)
		if got, want := string(b), tt.json; got != want {
			t.Errorf("Marshal(%+v) = %s, want %s", tt.value, got, want)
		}
		var back dated
		wantNoError(t, json.Unmarshal(b, &back))
		if got, want := back, tt.value; got != want {
			t.Errorf("Unmarshal(%s) = %+v, want %+v", b, got, want)
		}
	}
}

func TestDateJSONEmptyAndInvalid(t *testing.T) {
	var v dated
	wantNoError(t, json.Unmarshal([]byte(`{"name":"x","start":""}`), &v))
	if got, want := v.Start.IsZero(), true; got != want {
		t.Errorf(`"start":"" IsZero() = %v, want %v`, got, want)
	}
	err := json.Unmarshal([]byte(`{"start":"2025-02-30"}`), &v)
	wantErrorCode(t, err, newsgraph.Invalid, "2025-02-30")
}

// FuzzParseDate checks that every date ParseDate accepts formats back to its
// input and that ParseDate never panics.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-02-20", "2025-02-30", "2025-1-1", "", "x", "+001-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := newsgraph.ParseDate(s)
		if err != nil {
			if got, want := newsgraph.ErrorCode(err), newsgraph.Invalid; got != want {
				t.Fatalf("ParseDate(%q) error code = %s, want %s", s, got, want)
			}
			return
		}
		if got, want := d.String(), s; got != want {
			t.Fatalf("ParseDate(%q).String() = %q, want the input back", s, got)
		}
	})
}
