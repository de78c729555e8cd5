package extract

import (
	"fmt"
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph"
)

// Precision says how much of a date the text gives. newsgraph.Date is a
// day, so a month or a year is kept as the range of its days (StartDate
// to EndDate), as the seed graph does, and Precision says which it was.
type Precision string

// The precisions of a resolved date expression.
const (
	PrecisionDay   Precision = "DAY"
	PrecisionWeek  Precision = "WEEK" // "last week", "over the weekend": a range of days
	PrecisionMonth Precision = "MONTH"
	PrecisionYear  Precision = "YEAR"
)

// dateExpr is a date expression of the text resolved against the
// publication date: tokens [start, end), the days it covers, and whether
// it opens an open-ended span ("began on September 2", "since 2023").
type dateExpr struct {
	start, end int
	from, to   newsgraph.Date
	precision  Precision
	open       bool
}

// label is the date as an event name gives it: "2025-11-18", "August
// 2025", "2023", "2017–2021".
func (e dateExpr) label() string {
	switch e.precision {
	case PrecisionMonth:
		return fmt.Sprintf("%s %d", e.from.Month, e.from.Year)
	case PrecisionYear:
		if e.to.Year != e.from.Year {
			return fmt.Sprintf("%d–%d", e.from.Year, e.to.Year)
		}
		return strconv.Itoa(e.from.Year)
	case PrecisionWeek:
		return e.from.String() + " to " + e.to.String()
	}
	return e.from.String()
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// dates finds the date expressions of the text, resolved against the
// publication date:
//
//   - a weekday ("on Thursday", "Monday's remarks"): the latest such day on
//     or before publication (a paper's "on Tuesday" is the day itself when
//     it appears that Tuesday);
//   - "October 2", "2 October", with or without a year: that day, in the
//     publication year unless a year is given;
//   - "in August", a month alone: that month, in the publication year, or
//     the year before when the month is after publication;
//   - "last week" (Monday to Sunday of the week before), "over the weekend"
//     (the Saturday and Sunday before), "yesterday", "today";
//   - "in 2023", a year from 1900 to 2100, and "from 2017 to 2021".
//
// "began", "started" or "since" just before makes the span open-ended.
func dates(d *document, published newsgraph.Date) []dateExpr {
	toks := d.toks
	pub := published.Time()
	var out []dateExpr
	day := func(t time.Time) newsgraph.Date { return newsgraph.DateOf(t) }
	for i := 0; i < len(toks); i++ {
		f := toks[i].Fold
		var e dateExpr
		switch {
		case months[f] != 0 && (toks[i].Upper || len(f) > 3) && !(f == "may" && !toks[i].Upper):
			m := months[f]
			if i+1 < len(toks) && isDay(toks[i+1].Text) {
				dd, _ := strconv.Atoi(toks[i+1].Text)
				y, n := yearAfter(toks, i+2, pub.Year())
				e = dateExpr{start: i, end: i + 2 + n, from: newsgraph.Date{Year: y, Month: m, Day: dd}, precision: PrecisionDay}
			} else if i > 0 && isDay(toks[i-1].Text) {
				dd, _ := strconv.Atoi(toks[i-1].Text)
				y, n := yearAfter(toks, i+1, pub.Year())
				e = dateExpr{start: i - 1, end: i + 1 + n, from: newsgraph.Date{Year: y, Month: m, Day: dd}, precision: PrecisionDay}
			} else {
				y, n := yearAfter(toks, i+1, 0)
				if y == 0 {
					y = pub.Year()
					if up := upcoming(d, i); m > pub.Month() && !up {
						y--
					} else if up && m < pub.Month() {
						y++
					}
				}
				first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
				e = dateExpr{start: i, end: i + 1 + n, from: day(first), to: day(first.AddDate(0, 1, -1)), precision: PrecisionMonth}
			}
		case weekdays[f] != 0 || f == "sunday":
			back := (int(pub.Weekday()) - int(weekdays[f]) + 7) % 7
			if upcoming(d, i) {
				back = -((int(weekdays[f]) - int(pub.Weekday()) + 6) % 7) - 1
			}
			e = dateExpr{start: i, end: i + 1, from: day(pub.AddDate(0, 0, -back)), precision: PrecisionDay}
		case f == "week" && i > 0 && toks[i-1].Fold == "last":
			monday := pub.AddDate(0, 0, -((int(pub.Weekday())+6)%7)-7)
			e = dateExpr{start: i - 1, end: i + 1, from: day(monday), to: day(monday.AddDate(0, 0, 6)), precision: PrecisionWeek}
		case f == "weekend" && i > 0 && (toks[i-1].Fold == "the" || toks[i-1].Fold == "last"):
			back := (int(pub.Weekday()) - int(time.Saturday) + 7) % 7
			if back < 2 {
				back += 7
			}
			sat := pub.AddDate(0, 0, -back)
			e = dateExpr{start: i - 1, end: i + 1, from: day(sat), to: day(sat.AddDate(0, 0, 1)), precision: PrecisionWeek}
		case f == "yesterday":
			e = dateExpr{start: i, end: i + 1, from: day(pub.AddDate(0, 0, -1)), precision: PrecisionDay}
		case f == "today" && i > 0 && toks[i-1].Fold != "until":
			e = dateExpr{start: i, end: i + 1, from: published, precision: PrecisionDay}
		case isYear(toks[i].Text) && i > 0 && (toks[i-1].Fold == "in" || toks[i-1].Fold == "since" || toks[i-1].Fold == "from" || toks[i-1].Fold == "of"):
			y, _ := strconv.Atoi(toks[i].Text)
			e = dateExpr{start: i, end: i + 1, from: newsgraph.Date{Year: y, Month: 1, Day: 1}, to: newsgraph.Date{Year: y, Month: 12, Day: 31}, precision: PrecisionYear}
			if i+2 < len(toks) && (toks[i+1].Fold == "to" || toks[i+1].Fold == "until") && isYear(toks[i+2].Text) {
				y2, _ := strconv.Atoi(toks[i+2].Text)
				if y2 >= y {
					e.end, e.to = i+3, newsgraph.Date{Year: y2, Month: 12, Day: 31}
				}
			}
			if toks[i-1].Fold == "since" {
				e.open = true
			}
		default:
			continue
		}
		if e.from.IsZero() || !validDay(e.from) {
			continue
		}
		if e.precision == PrecisionDay && e.to.IsZero() {
			e.to = e.from
		}
		if e.start > 0 {
			switch toks[e.start-1].Fold {
			case "began", "begun", "started", "since", "launched":
				e.open = true
			case "on", "in", "from", "at", "over", "of":
				if e.start > 1 && (toks[e.start-2].Fold == "began" || toks[e.start-2].Fold == "started") {
					e.open = true
				}
			}
		}
		out = append(out, e)
		i = e.end - 1
	}
	return out
}

// futureWords make a clause speak of what is to come: its weekday is the
// next one after publication, its month the next such month. "could" and
// "would" are not among them: they speak of what may happen, and the date
// near them is usually of something that did ("rejected on Thursday a
// warning that the US could strike").
var futureWords = set("will expected due scheduled planned plans upcoming next")

// upcoming reports whether the clause of token i speaks of the future.
func upcoming(d *document, i int) bool {
	c := d.toks[i].Clause
	for k := i; k >= 0 && d.toks[k].Clause == c; k-- {
		if futureWords[d.toks[k].Fold] {
			return true
		}
	}
	for k := i + 1; k < len(d.toks) && d.toks[k].Clause == c; k++ {
		if futureWords[d.toks[k].Fold] {
			return true
		}
	}
	return false
}

func isDay(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1 && n <= 31 && len(s) <= 2
}

func isYear(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && len(s) == 4 && n >= 1900 && n <= 2100
}

// yearAfter reads a year at token i; it returns def and 0 tokens when
// there is none.
func yearAfter(toks []token, i, def int) (int, int) {
	if i < len(toks) && isYear(toks[i].Text) {
		y, _ := strconv.Atoi(toks[i].Text)
		return y, 1
	}
	return def, 0
}

// validDay reports whether d is a real calendar day.
func validDay(d newsgraph.Date) bool {
	return newsgraph.DateOf(d.Time()) == d && d.Year >= 1
}
